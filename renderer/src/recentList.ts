// The athlete's latest activities, newest first, each with "View on Strava". Every word and figure
// is core's (RecentActivity.text): the dashboard and the tray's submenu list the same.
import type { PacebarApi, RecentActivity } from '../../preload/contract';
import { actionButton, alertSlot } from './actions';
import { el } from './dom';

function item(activity: RecentActivity, api: PacebarApi): HTMLElement {
  const nameId = `recent-${activity.id}-name`;
  const slot = alertSlot();
  // Every row's button reads "View on Strava"; its description names the activity it opens.
  const view = actionButton('View on Strava', 'link-button strava-link', slot, () => api.openActivityOnStrava(activity.id));
  view.setAttribute('aria-describedby', nameId);
  const figures = [activity.text.sport, activity.text.distance, activity.text.time].filter((part): part is string => part !== null);
  return el(
    'li',
    { class: 'recent-item', 'data-activity': activity.id },
    el(
      'div',
      { class: 'recent-head' },
      el('span', { class: 'recent-name', id: nameId }, activity.name || 'Untitled'),
      el('time', { class: 'recent-date muted', datetime: activity.startLocal }, activity.text.date),
    ),
    el('p', { class: 'recent-figures' }, figures.join(' · ')),
    view,
    slot,
  );
}

export function recentList(recent: RecentActivity[], api: PacebarApi): HTMLElement[] {
  return [
    el('h2', { class: 'section-title', id: 'recent-title' }, 'Recent activities'),
    recent.length > 0
      ? el('ol', { class: 'recent', 'aria-labelledby': 'recent-title' }, ...recent.map((activity) => item(activity, api)))
      : el('p', { class: 'muted' }, 'No activities yet: your next one shows here.'),
  ];
}
