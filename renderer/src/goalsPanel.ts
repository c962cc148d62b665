// Goals: each goal's progress in its period (title, bar, done / target, ahead or behind, what is
// still needed), a button to remove it, and the form to add one. Every word is core's GoalView.text.
import type { DashboardState, GoalStatus, GoalView, PacebarApi } from '../../preload/contract';
import { alertSlot, runAction } from './actions';
import { el, renderKeyed, svg } from './dom';
import { goalForm } from './goalForm';

/** A mark beside the pace, so ahead, behind and reached differ by more than their colour. */
const STATUS_MARK: Record<GoalStatus, string> = { counting: '◌', reached: '✓', ahead: '▲', on_pace: '●', behind: '▼' };

function goalItem(view: GoalView, remove: (button: HTMLButtonElement) => void): HTMLElement {
  const titleId = `goal-${view.goal.id}-title`;
  const counting = view.status === 'counting';
  const bar = el('progress', {
    class: 'goal-bar',
    max: 1,
    // Indeterminate while counting: how far along is not known yet.
    value: counting ? null : Math.min(1, Math.max(0, view.fraction)),
    'aria-labelledby': titleId,
    'aria-valuetext': `${view.text.progress}, ${view.text.pace}`,
  });
  // Where an even pace would be today: the bar is ahead of it or behind it. SVG, as the chart:
  // its position is an attribute, so the page keeps no inline style.
  const share = `${(Math.min(1, Math.max(0, view.elapsed)) * 100).toFixed(1)}%`;
  const paceMark = counting || view.status === 'reached' ? null : svg('svg', { class: 'goal-pace-mark', 'aria-hidden': 'true', focusable: 'false' }, svg('rect', { x: share, y: 0, width: 2, height: '100%', rx: 1 }));
  const button = el('button', { type: 'button', class: 'link-button goal-remove', 'aria-label': `Remove goal: ${view.text.title}` }, 'Remove');
  button.addEventListener('click', () => remove(button));
  return el(
    'li',
    { class: 'goal', 'data-status': view.status, 'data-goal': view.goal.id },
    el('div', { class: 'goal-head' }, el('h3', { class: 'goal-title', id: titleId }, view.text.title), button),
    el('div', { class: 'goal-track' }, bar, paceMark),
    el(
      'p',
      { class: 'goal-figures' },
      el('span', { class: 'goal-progress' }, view.text.progress),
      el('span', { class: 'goal-pace', 'data-status': view.status }, el('span', { class: 'goal-mark', 'aria-hidden': 'true' }, STATUS_MARK[view.status]), ` ${view.text.pace}`),
    ),
    view.text.needed ? el('p', { class: 'goal-needed muted' }, view.text.needed) : null,
  );
}

export interface GoalsPanel {
  element: HTMLElement;
  update(state: DashboardState): void;
}

export function goalsPanel(api: PacebarApi): GoalsPanel {
  const heading = el('h2', { class: 'section-title', id: 'goals-title', tabindex: -1 }, 'Goals');
  const invitation = el(
    'p',
    { class: 'goal-invite' },
    'No goals yet. Set a target for a week, a month or a year, and Pacebar shows whether you are ahead or behind, here and in the tray.',
  );
  const list = el('ul', { class: 'goals', 'aria-labelledby': 'goals-title' });
  const slot = alertSlot();
  const form = goalForm(api);
  const element = el('section', { id: 'goals', class: 'card goals-card', 'aria-labelledby': 'goals-title' }, heading, invitation, list, slot, form.element);

  const remove = (view: GoalView, button: HTMLButtonElement): void => {
    void runAction(slot, () => api.removeGoal(view.goal.id), button).then((ok) => {
      // The button goes with its goal: keep the keyboard in the section rather than lose it.
      if (ok) heading.focus();
    });
  };

  function update(state: DashboardState): void {
    const { goals } = state;
    renderKeyed(list, goals, () => goals.map((view) => goalItem(view, (button) => remove(view, button))));
    list.hidden = goals.length === 0;
    invitation.hidden = goals.length > 0;
    form.update(state);
  }

  return { element, update };
}
