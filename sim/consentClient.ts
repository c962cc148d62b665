import { unescapeHtml } from './http';

interface ParsedForm {
  action: string;
  fields: [string, string][];
  checkboxes: { name: string; checked: boolean }[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_][\w:-]*)(?:="([^"]*)")?/g)) {
    if (m[1]) out[m[1].toLowerCase()] = unescapeHtml(m[2] ?? '');
  }
  return out;
}

/** Reads the sim's own consent form (not general HTML): hidden fields, scope checkboxes, action. */
function parseConsentForm(markup: string): ParsedForm {
  const form = /<form\b[^>]*>/i.exec(markup);
  if (!form) throw new Error('consent page has no form');
  const parsed: ParsedForm = { action: attributes(form[0]).action ?? '', fields: [], checkboxes: [] };
  for (const m of markup.matchAll(/<input\b[^>]*>/gi)) {
    const a = attributes(m[0].slice('<input'.length));
    if (!a.name) continue;
    if (a.type === 'hidden') parsed.fields.push([a.name, a.value ?? '']);
    if (a.type === 'checkbox') parsed.checkboxes.push({ name: a.name, checked: 'checked' in a });
  }
  return parsed;
}

/**
 * Plays the athlete on the consent page: loads it, leaves every scope ticked except the ones in
 * `uncheck` (either "activity:read_all" or "scope_activity:read_all"), presses Authorize or Cancel.
 */
export async function actAsAthlete(authorizeUrl: string, choice: { deny?: boolean; uncheck?: string[] } = {}): Promise<string> {
  const page = await fetch(authorizeUrl);
  const markup = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${markup.slice(0, 300)}`);
  const form = parseConsentForm(markup);
  const unchecked = new Set((choice.uncheck ?? []).map((s) => (s.startsWith('scope_') ? s : `scope_${s}`)));
  const body = new URLSearchParams(form.fields);
  for (const box of form.checkboxes) if (box.checked && !unchecked.has(box.name)) body.append(box.name, 'on');
  body.append('decision', choice.deny ? 'cancel' : 'authorize');
  const answer = await fetch(new URL(form.action, authorizeUrl), { method: 'POST', body, redirect: 'manual' });
  const location = answer.headers.get('location');
  await answer.arrayBuffer();
  if (answer.status !== 302 || !location) throw new Error(`consent form answered ${answer.status} without a redirect`);
  return location;
}
