// "Weekly summary": off, or a weekday and a local time (settings.weeklySummaryAt). A time that is
// not one says so in the settings' alert line and is not sent.
import type { SettingsPatch, WeeklySummaryAt } from '../../preload/contract';
import { el } from './dom';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** Sunday evening, when the week is done: the first choice offered when the summary is turned on. */
export const DEFAULT_WEEKLY_SUMMARY: WeeklySummaryAt = { weekday: 7, minute: 18 * 60 };

export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "18:30" → 1110; null for anything but a time of day. */
export function minuteOfDay(text: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export interface WeeklySummaryControl {
  element: HTMLElement;
  update(value: WeeklySummaryAt | null): void;
}

export function weeklySummaryControl(send: (patch: SettingsPatch) => void, showError: (message: string) => void): WeeklySummaryControl {
  let current: WeeklySummaryAt | null = null;
  const enabled = el('input', { id: 'setting-weekly-summary', type: 'checkbox', 'aria-controls': 'weekly-summary-when' });
  const weekday = el('select', { id: 'setting-weekly-day' }, ...WEEKDAYS.map((name, index) => el('option', { value: index + 1 }, name)));
  const time = el('input', { id: 'setting-weekly-time', type: 'time', step: 60 });
  const when = el(
    'div',
    { class: 'setting-when', id: 'weekly-summary-when' },
    el('label', { for: 'setting-weekly-day' }, 'On'),
    weekday,
    el('label', { for: 'setting-weekly-time' }, 'at'),
    time,
  );

  enabled.addEventListener('change', () => send({ weeklySummaryAt: enabled.checked ? (current ?? DEFAULT_WEEKLY_SUMMARY) : null }));
  weekday.addEventListener('change', () => {
    const minute = minuteOfDay(time.value) ?? current?.minute ?? DEFAULT_WEEKLY_SUMMARY.minute;
    send({ weeklySummaryAt: { weekday: Number(weekday.value), minute } });
  });
  time.addEventListener('change', () => {
    const minute = minuteOfDay(time.value);
    if (minute === null) {
      time.setAttribute('aria-invalid', 'true');
      showError('Enter the time of day for the weekly summary, like 18:00.');
      return;
    }
    time.removeAttribute('aria-invalid');
    send({ weeklySummaryAt: { weekday: Number(weekday.value), minute } });
  });

  const element = el(
    'div',
    { class: 'setting-group' },
    el('div', { class: 'setting setting-check' }, enabled, el('label', { for: 'setting-weekly-summary' }, 'Weekly summary')),
    when,
  );

  function update(value: WeeklySummaryAt | null): void {
    current = value;
    enabled.checked = value !== null;
    when.hidden = value === null;
    if (value === null) return;
    weekday.value = String(value.weekday);
    // Never overwrite a time being typed: a push may arrive mid-edit.
    if (document.activeElement !== time || minuteOfDay(time.value) === value.minute) {
      time.value = clockText(value.minute);
      time.removeAttribute('aria-invalid');
    }
  }

  return { element, update };
}
