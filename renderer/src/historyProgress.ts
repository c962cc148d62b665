// "Counting your history: 1,800 of about 4,100 activities", with a progress bar, while the backfill
// walks back; and what the totals leave out for want of a permission.
import type { HistoryView } from '../../preload/contract';
import { el } from './dom';
import { formatCount } from './format';

export function historyProgress(history: HistoryView, locale?: string): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (history.state === 'counting') {
    const total = history.estimatedTotal !== null && history.estimatedTotal > history.counted ? history.estimatedTotal : null;
    const text = `Counting your history: ${formatCount(history.counted, locale)}${total ? ` of about ${formatCount(total, locale)}` : ''} activities`;
    parts.push(
      el('p', { class: 'progress-label', id: 'history-progress-label' }, text),
      el('progress', { class: 'progress', 'aria-labelledby': 'history-progress-label', max: total ?? 1, value: total ? history.counted : null }),
      el('p', { class: 'hint muted' }, 'Until then, 4 weeks, this year and all time show Strava\'s own figures, which count public activities only.'),
    );
  }
  if (!history.readsActivities) {
    parts.push(el('p', { class: 'coverage-note' }, 'Pacebar may not read your activities: these are Strava\'s public run, ride and swim totals. Reconnect and allow "View data about your activities" to count everything.'));
  } else if (!history.includesPrivate) {
    parts.push(el('p', { class: 'coverage-note' }, 'Activities set to Only You are not counted. Reconnect and tick "View data about your private activities" to count them.'));
  }
  return parts;
}
