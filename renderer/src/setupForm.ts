// First run: create a Strava API application, then paste its Client ID and Client Secret.
import type { CredentialsInput, PacebarApi } from '../../preload/contract';
import { actionButton, alertSlot, runAction } from './actions';
import { el } from './dom';
import { intro } from './connectPanel';

export type CredentialsCheck = { ok: true; value: CredentialsInput } | { ok: false; field: 'clientId' | 'clientSecret'; message: string };

/** Client-side checks before anything is sent to main. Surrounding whitespace from a paste is trimmed. */
export function checkCredentials(clientId: string, clientSecret: string): CredentialsCheck {
  const id = clientId.trim();
  const secret = clientSecret.trim();
  if (id === '') return { ok: false, field: 'clientId', message: 'Enter the Client ID from your Strava API application.' };
  if (!/^\d+$/.test(id)) return { ok: false, field: 'clientId', message: 'The Client ID is a number, like 123456.' };
  if (secret === '') return { ok: false, field: 'clientSecret', message: 'Enter the Client Secret from your Strava API application.' };
  if (/\s/.test(secret)) return { ok: false, field: 'clientSecret', message: 'The Client Secret has no spaces: copy it again from Strava.' };
  return { ok: true, value: { clientId: id, clientSecret: secret } };
}

function field(id: string, label: string, input: HTMLInputElement, hint: string | null): HTMLElement {
  const hintId = `${id}-hint`;
  if (hint) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('p', { class: 'hint muted', id: hintId }, hint) : null);
}

export function setupForm(savedClientId: string | null, api: PacebarApi): HTMLElement[] {
  const openSlot = alertSlot();
  const openSettings = actionButton('Open strava.com/settings/api', 'button button-secondary', openSlot, () => api.openStravaApiSettings());

  const clientId = el('input', {
    id: 'client-id',
    name: 'clientId',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    value: savedClientId ?? '',
  });
  const clientSecret = el('input', {
    id: 'client-secret',
    name: 'clientSecret',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const error = alertSlot();
  error.id = 'credentials-error';
  const save = el('button', { type: 'submit', class: 'button button-primary' }, 'Save');
  const form = el(
    'form',
    { class: 'setup-form', novalidate: true, 'aria-label': 'Strava API application' },
    field('client-id', 'Client ID', clientId, null),
    field('client-secret', 'Client Secret', clientSecret, 'Stored in your system keychain, never shown again.'),
    error,
    save,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const input of [clientId, clientSecret]) input.removeAttribute('aria-invalid');
    const check = checkCredentials(clientId.value, clientSecret.value);
    if (!check.ok) {
      error.textContent = check.message;
      const input = check.field === 'clientId' ? clientId : clientSecret;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    void runAction(error, () => api.saveCredentials(check.value), save).then((ok) => {
      if (ok) clientSecret.value = '';
    });
  });

  return [
    ...intro(),
    el('h2', { class: 'section-title' }, 'Set up in three steps'),
    el(
      'ol',
      { class: 'steps' },
      el(
        'li',
        {},
        el('p', {}, 'Create an API application on Strava. Any name and website will do.'),
        openSettings,
        openSlot,
      ),
      el(
        'li',
        {},
        el('p', {}, 'Set ', el('strong', {}, 'Authorization Callback Domain'), ' to ', el('code', {}, '127.0.0.1'), ' (or ', el('code', {}, 'localhost'), ').'),
      ),
      el('li', {}, el('p', {}, 'Paste the application’s Client ID and Client Secret here.'), form),
    ),
  ];
}
