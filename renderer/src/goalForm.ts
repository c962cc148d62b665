// "Add a goal": sport family, what to count, the period and the target in the person's units
// (km or mi, hours and minutes, m or ft, activities), sent to main in Strava's units. A refused goal
// shows main's one-line reason and the form keeps everything typed.
import type { DashboardState, FamilyDisplay, GoalMeasure, GoalPeriod, PacebarApi, Sport } from '../../preload/contract';
import { alertSlot, runAction } from './actions';
import { el } from './dom';
import { measuresFor, targetField, targetInStravaUnits, type TargetField } from './goalTarget';

const MEASURE_LABEL: Record<GoalMeasure, string> = { distance: 'Distance', time: 'Moving time', elevation: 'Elevation gain', count: 'Activities' };
const PERIOD_LABEL: Record<GoalPeriod, string> = { week: 'Each week', month: 'Each month', year: 'Each year' };
const PERIODS = Object.keys(PERIOD_LABEL) as GoalPeriod[];

type SportChoice = { value: Sport } & FamilyDisplay;

function field(id: string, label: HTMLElement | string, control: HTMLElement, className = 'field'): HTMLElement {
  return el('div', { class: className }, typeof label === 'string' ? el('label', { for: id }, label) : label, control);
}

function numberInput(id: string, attrs: Record<string, string | number> = {}): HTMLInputElement {
  return el('input', { id, type: 'number', inputmode: 'decimal', min: 0, step: 'any', autocomplete: 'off', ...attrs });
}

/** Replaces a select's options only when they changed, keeping the choice when it is still offered. */
function setOptions(control: HTMLSelectElement, options: [string, string][], fallback: string): void {
  const same = control.options.length === options.length && options.every(([value, label], index) => control.options[index]?.value === value && control.options[index]?.text === label);
  const keep = control.value;
  if (!same) control.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  control.value = options.some(([value]) => value === keep) ? keep : fallback;
}

export interface GoalForm {
  element: HTMLDetailsElement;
  update(state: DashboardState): void;
}

export function goalForm(api: PacebarApi): GoalForm {
  let current: DashboardState | null = null;
  let shownGoals = -1;
  const sport = el('select', { id: 'goal-sport' });
  const measure = el('select', { id: 'goal-measure' });
  const period = el('select', { id: 'goal-period' }, ...PERIODS.map((value) => el('option', { value }, PERIOD_LABEL[value])));
  const amount = numberInput('goal-amount');
  const amountLabel = el('label', { for: 'goal-amount' }, 'Target');
  const hours = numberInput('goal-hours');
  const minutes = numberInput('goal-minutes', { max: 59, step: 1, inputmode: 'numeric' });
  const amountField = field('goal-amount', amountLabel, amount);
  const timeField = el(
    'fieldset',
    { class: 'goal-time' },
    el('legend', {}, 'Target time'),
    field('goal-hours', 'Hours', hours),
    field('goal-minutes', 'Minutes', minutes),
  );
  const error = alertSlot();
  error.id = 'goal-error';
  const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'Add goal');
  const form = el(
    'form',
    { class: 'goal-form', novalidate: true, 'aria-label': 'Add a goal' },
    el('div', { class: 'goal-form-row' }, field('goal-sport', 'Sport', sport), field('goal-period', 'Period', period)),
    el('div', { class: 'goal-form-row' }, field('goal-measure', 'Measure', measure), amountField, timeField),
    error,
    submit,
  );
  const element = el('details', { class: 'goal-add', id: 'goal-add' }, el('summary', {}, 'Add a goal'), form);

  const chosenSport = (): SportChoice | undefined => current?.choices.sports.find((choice) => choice.value === sport.value);
  const chosenMeasure = (): GoalMeasure => (measure.value as GoalMeasure) || 'distance';
  const currentField = (): TargetField | null => {
    const display = chosenSport();
    return display && current ? targetField(chosenMeasure(), display, current.settings.units) : null;
  };

  /** The measures this family can count, and the target field in the unit they imply. */
  function refreshFields(): void {
    const display = chosenSport();
    if (!display || !current) return;
    setOptions(measure, measuresFor(display).map((value) => [value, MEASURE_LABEL[value]]), measuresFor(display)[0] ?? 'count');
    const target = currentField();
    const time = target?.kind === 'time';
    timeField.hidden = !time;
    amountField.hidden = time;
    amountLabel.textContent = target?.kind === 'amount' ? `Target (${target.unit})` : target?.kind === 'count' ? `Target (${target.noun})` : 'Target';
    amount.setAttribute('step', target?.kind === 'count' ? '1' : 'any');
    amount.setAttribute('inputmode', target?.kind === 'count' ? 'numeric' : 'decimal');
  }

  sport.addEventListener('change', refreshFields);
  measure.addEventListener('change', refreshFields);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const display = chosenSport();
    const target = currentField();
    if (!display || !target) return;
    for (const input of [amount, hours, minutes]) input.removeAttribute('aria-invalid');
    const check = targetInStravaUnits(target, { amount: amount.value, hours: hours.value, minutes: minutes.value });
    if (!check.ok) {
      error.textContent = check.message;
      const input = check.field === 'amount' ? amount : check.field === 'hours' ? hours : minutes;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const goal = { sport: display.value, period: period.value as GoalPeriod, measure: chosenMeasure(), target: check.target };
    void runAction(error, () => api.addGoal(goal), submit).then((ok) => {
      // Added: the target fields empty for the next one; refused: everything stays as typed.
      if (ok) for (const input of [amount, hours, minutes]) input.value = '';
    });
  });

  function update(state: DashboardState): void {
    current = state;
    // The primary sport until the person picks another (a new select has no value to keep).
    setOptions(sport, state.choices.sports.map((choice) => [choice.value, choice.label]), state.settings.primarySport);
    refreshFields();
    // Open by itself when there is no goal to show (the invitation's next step), never closed by a push.
    if (state.goals.length === 0 && shownGoals !== 0) element.open = true;
    shownGoals = state.goals.length;
  }

  return { element, update };
}
