// App-wide guards for every webContents Electron creates (Electron's security checklist):
// no new windows, no <webview>, no navigation away from the bundled renderer, no permissions.
// The consent window is the one exception to the navigation rule: it registers its own policy
// (Strava's origin) for its webContents.
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from '../protocol/appOrigin';

export type NavigationPolicy = (url: string) => boolean;

const policies = new WeakMap<WebContents, NavigationPolicy>();

/** Overrides the default "app:// only" navigation rule for one webContents. */
export function setNavigationPolicy(contents: WebContents, policy: NavigationPolicy): void {
  policies.set(contents, policy);
}

export function navigationAllowed(contents: WebContents, url: string): boolean {
  const policy = policies.get(contents) ?? isAppUrl;
  return policy(url);
}

export function guardWebContents(contents: WebContents): void {
  // window.open / target=_blank: never a new Electron window. (The consent window replaces this
  // handler with one that may hand an https link to the system browser.)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed(contents, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (event.isMainFrame && !navigationAllowed(contents, event.url)) event.preventDefault();
  });
  // Pacebar uses no <webview>: refuse any attempt to attach one.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installWebContentsGuards(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** Pacebar needs no camera, notifications-from-web, geolocation…: every request and check is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
