// The dashboard: one window at a time, created on demand and destroyed when closed, so an idle
// tray app runs no renderer process. Sandboxed and context-isolated; its only API is the preload's.
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_INDEX_URL } from '../protocol/appProtocol';
import { LOCKED_DOWN_WEB_PREFERENCES } from '../security/webPreferences';

export interface DashboardWindowOptions {
  preloadPath: string;
  /** Defaults to app://pacebar/index.html. */
  url?: string;
  /** macOS agent apps (no Dock icon) must ask to come to the front. */
  bringAppToFront?: () => void;
}

/** Matches the renderer's --bg so there is no white flash in dark mode. */
export function dashboardBackground(dark: boolean): string {
  return dark ? '#111113' : '#f3f3f0';
}

export function dashboardWindowOptions(preloadPath: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 720,
    minWidth: 560,
    minHeight: 480,
    title: 'Pacebar',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: dashboardBackground(dark),
    webPreferences: {
      ...LOCKED_DOWN_WEB_PREFERENCES,
      preload: preloadPath,
    },
  };
}

export class DashboardWindow {
  private window: BrowserWindow | null = null;

  constructor(private readonly options: DashboardWindowOptions) {}

  /** Opens (or brings forward) the dashboard; with 'settings', at its settings panel. */
  open(section?: 'settings'): BrowserWindow {
    const url = `${this.options.url ?? APP_INDEX_URL}${section ? `#${section}` : ''}`;
    const existing = this.window;
    if (existing && !existing.isDestroyed()) {
      // Only the fragment changes: Chromium navigates within the page, the renderer opens the panel.
      if (section) void existing.webContents.loadURL(url).catch(() => undefined);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      this.options.bringAppToFront?.();
      return existing;
    }
    // Electronegativity reads only literal options: these come from dashboardWindowOptions() above
    // (contextIsolation, sandbox, no Node, Auxclick off), asserted in test/main/windows/dashboardWindow.test.ts; hence the eng-disable on this line.
    const window = new BrowserWindow(dashboardWindowOptions(this.options.preloadPath, nativeTheme.shouldUseDarkColors)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK
    this.window = window;
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
      this.options.bringAppToFront?.();
    });
    // No hide-on-close: closing frees the renderer; the tray keeps the app alive.
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    void window.loadURL(url).catch(() => {
      // did-fail-load already logged by Chromium; the window stays (blank) until the user closes it.
    });
    return window;
  }

  isOpen(): boolean {
    return this.window !== null && !this.window.isDestroyed();
  }

  webContents(): WebContents | null {
    const window = this.window;
    if (!window || window.isDestroyed()) return null;
    return window.webContents;
  }

  browserWindow(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  close(): void {
    this.window?.close();
  }
}
