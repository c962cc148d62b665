// "Updated 3 min ago", the Stale badge and the Refresh button, kept as one long-lived element so a
// state push never steals focus from the button.
import type { PacebarApi } from '../../preload/contract';
import { alertSlot, runAction } from './actions';
import { el } from './dom';
import { formatRelative } from './format';

export interface SyncBarState {
  updatedAt: string;
  stale: boolean;
  refreshing: boolean;
  /** False while Strava access is gone: refreshing could not work. */
  canRefresh: boolean;
}

export interface SyncBar {
  element: HTMLElement;
  update(state: SyncBarState | null): void;
  /** Re-reads the clock; called every 30 s. */
  tick(now?: number): void;
}

export function syncBar(api: PacebarApi): SyncBar {
  let updatedAt: string | null = null;
  const updated = el('span', { class: 'updated', id: 'updated' });
  const stale = el('span', { class: 'badge badge-stale', id: 'stale-badge' }, 'Stale');
  const spinner = el('span', { class: 'spinner', 'aria-hidden': 'true' });
  const label = el('span', {}, 'Refresh');
  const refresh = el('button', { type: 'button', class: 'button button-small', id: 'refresh-button' }, spinner, label);
  const slot = alertSlot();
  refresh.addEventListener('click', () => void runAction(slot, () => api.refresh()));
  const element = el('div', { class: 'sync-bar' }, el('p', { class: 'sync-text' }, updated, stale), refresh, slot);
  element.hidden = true;

  function tick(now: number = Date.now()): void {
    if (updatedAt) updated.textContent = `Updated ${formatRelative(updatedAt, now)}`;
  }

  function update(state: SyncBarState | null): void {
    element.hidden = state === null;
    if (!state) {
      updatedAt = null;
      return;
    }
    updatedAt = state.updatedAt;
    tick();
    stale.hidden = !state.stale;
    refresh.hidden = !state.canRefresh;
    refresh.disabled = state.refreshing;
    refresh.classList.toggle('is-busy', state.refreshing);
    if (state.refreshing) refresh.setAttribute('aria-busy', 'true');
    else refresh.removeAttribute('aria-busy');
    label.textContent = state.refreshing ? 'Refreshing…' : 'Refresh';
    if (state.refreshing) slot.textContent = '';
  }

  return { element, update, tick };
}
