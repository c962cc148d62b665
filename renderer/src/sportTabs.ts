// Tabs for the families the athlete does (primary first): one family's figures at a time instead of
// a tall stack of tables. WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs.
import type { Sport } from '../../preload/contract';
import { el } from './dom';

export const PANEL_ID = 'sport-panel';
export const tabId = (sport: Sport) => `tab-${sport}`;

export function sportTabs(choices: { value: Sport; label: string }[], selected: Sport, onSelect: (sport: Sport) => void): HTMLElement {
  const tabs = choices.map((choice) =>
    el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: tabId(choice.value),
        class: 'tab',
        'aria-selected': choice.value === selected ? 'true' : 'false',
        'aria-controls': PANEL_ID,
        tabindex: choice.value === selected ? 0 : -1,
        'data-sport': choice.value,
      },
      choice.label,
    ),
  );
  const list = el('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Sports' }, ...tabs);
  tabs.forEach((tab, index) => {
    const sport = choices[index]!.value;
    tab.addEventListener('click', () => onSelect(sport));
    tab.addEventListener('keydown', (event) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = (target + tabs.length) % tabs.length;
      onSelect(choices[next]!.value);
      requestAnimationFrame(() => document.getElementById(tabId(choices[next]!.value))?.focus());
    });
  });
  return list;
}
