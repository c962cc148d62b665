import { escapeHtml } from './http';
import { SCOPE_TEXT } from './scopes';

export const CONSENT_TITLE = 'Authorize Pacebar to connect to Strava';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f7f7fa;color:#242428;margin:0}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px}
h1{font-size:1.4rem}fieldset{border:1px solid #ddd;border-radius:6px}
.row{margin:.5rem 0}button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:4px;border:1px solid #999}
#authorize{background:#fc4c02;color:#fff;border-color:#fc4c02}`;

function page(title: string, content: string): string {
  // Self-contained on purpose: no external scripts, fonts or images (the app's CSP and offline tests).
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${content}
</main></body>
</html>
`;
}

export interface ConsentParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  athleteName: string;
}

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

export function renderConsentPage(p: ConsentParams): string {
  const optional = p.scopes
    .filter((s) => s !== 'read')
    .map((s) => {
      const id = `scope-${s.replace(/[^a-z_]/gi, '-')}`;
      return `<div class="row"><input type="checkbox" id="${id}" name="scope_${escapeHtml(s)}" value="on" checked>
<label for="${id}">${escapeHtml(SCOPE_TEXT[s] ?? s)}</label></div>`;
    })
    .join('\n');
  return page(
    CONSENT_TITLE,
    `<h1>${escapeHtml(CONSENT_TITLE)}</h1>
<p>Signed in as ${escapeHtml(p.athleteName)}. Pacebar will be able to:</p>
<form method="post" action="/oauth/accept_application">
${hidden('client_id', p.clientId)}
${hidden('redirect_uri', p.redirectUri)}
${hidden('scope', p.scopes.join(','))}
${hidden('state', p.state)}
<fieldset><legend>Permissions</legend>
<div class="row">${escapeHtml(SCOPE_TEXT.read ?? 'read')} (always granted)</div>
${optional}
</fieldset>
<p><button type="submit" id="authorize" name="decision" value="authorize">Authorize</button>
<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button></p>
</form>`,
  );
}

export function renderErrorPage(message: string): string {
  return page('Bad Request | Strava', `<h1>Bad Request</h1>\n<p id="error">${escapeHtml(message)}</p>`);
}

/** The title Strava's authorize page shows over the limit (no form, and no redirect ever comes). */
export const ATHLETE_LIMIT_TITLE = 'Error 403: Limit of connected athletes exceeded';

export function renderAthleteLimitPage(): string {
  return page(ATHLETE_LIMIT_TITLE, `<h1>${escapeHtml(ATHLETE_LIMIT_TITLE)}</h1>\n<p id="error">This application has reached its limit of connected athletes.</p>`);
}
