// The athlete card: avatar (or initials), name, location and "View on Strava".
import type { AthleteView, PacebarApi } from '../../preload/contract';
import { actionButton, alertSlot } from './actions';
import { el } from './dom';
import { initials } from './format';

function avatarPlaceholder(name: string): HTMLElement {
  return el('span', { class: 'avatar avatar-initials', 'aria-hidden': 'true' }, initials(name));
}

function avatar(athlete: AthleteView): HTMLElement {
  if (!athlete.avatarUrl || !/^https:\/\//.test(athlete.avatarUrl)) return avatarPlaceholder(athlete.name);
  const img = el('img', {
    class: 'avatar',
    src: athlete.avatarUrl,
    alt: `Profile photo of ${athlete.name}`,
    width: 56,
    height: 56,
    referrerpolicy: 'no-referrer',
    decoding: 'async',
  });
  // A dead or blocked avatar falls back to initials rather than a broken-image icon.
  img.addEventListener('error', () => img.replaceWith(avatarPlaceholder(athlete.name)), { once: true });
  return img;
}

export function athleteCard(athlete: AthleteView, api: PacebarApi): HTMLElement[] {
  const slot = alertSlot();
  const view = actionButton('View on Strava', 'link-button', slot, () => api.openAthleteOnStrava());
  return [
    el(
      'div',
      { class: 'athlete' },
      avatar(athlete),
      el(
        'div',
        { class: 'athlete-text' },
        el('h2', { class: 'athlete-name' }, athlete.name),
        athlete.location ? el('p', { class: 'athlete-location muted' }, athlete.location) : null,
        view,
      ),
    ),
    slot,
  ];
}
