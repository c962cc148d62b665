// Stand-ins for the Electron APIs Pacebar's main process uses, for
// vi.mock('electron', () => import('../fakes/electron')). Only what the glue touches is modelled,
// but what is modelled behaves as Electron does where it matters (each rule cites its source):
// - the quit lifecycle: before-quit → every window asked to close → a veto cancels the quit →
//   will-quit → quit (shell/browser/browser.cc: Quit, OnWindowCloseCancelled, OnWindowAllClosed);
//   exit() destroys windows without asking and emits only quit (Browser::Exit);
// - window-all-closed quits when nobody listens (lib/browser/init.ts default handler);
// - close() runs 'close' and the page's beforeunload (either may veto); destroy() skips both and
//   always emits 'closed' (docs/api/browser-window.md);
// - on Windows an owned window (`parent`) is destroyed with its owner (Win32 owned windows);
// - the single-instance lock is keyed on app.getPath('userData'), shared by every fake app in
//   this process (docs/api/app.md, requestSingleInstanceLock); the holder gets 'second-instance';
// - setPath throws for a folder that does not exist (docs/api/app.md, setPath) and for a relative
//   path ("Path must be absolute": App::SetPath, shell/browser/api/electron_api_app.cc);
// - on macOS replacing a tray's context menu closes it when it is open (tray_icon_cocoa.mm
//   SetContextMenu replaces the NSMenu; electron/electron#4801); a submenu's opening and closing
//   reach the root menu's events (electron_menu_controller.mm, see Tray below);
// - the tray's title exists on macOS only (electron_api_tray.cc SetTitle/GetTitle); a template
//   image only on macOS (NativeImage::SetTemplateImage is empty elsewhere);
// - notifications can fail: show() then emits 'failed' (docs/api/notification.md).
// Event names and payloads are checked against Electron's declarations by the compiler: see
// the `…EventsConform` tables below.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { vi } from 'vitest';

/** Event name → listener arguments. */
type EventMap<Events> = { [K in keyof Events]: unknown[] };

/** What Electron's app.getVersion() returns for this app: package.json's version. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** EventEmitter whose emit/on accept only the events of `Events`, with their payloads. */
class TypedEmitter<Events extends EventMap<Events>> extends EventEmitter {
  override emit<K extends keyof Events & string>(event: K, ...args: Events[K]): boolean {
    return super.emit(event, ...args);
  }
  override on<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  override once<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    return super.once(event, listener as (...args: unknown[]) => void);
  }
  override off<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }
}

/**
 * Compile-time proof that Electron's own class accepts a listener for each event of `Events` with
 * exactly those arguments: one `target.on(name, listener)` call per event, resolved against
 * Electron's overloads. A misspelt event or a payload Electron does not send fails the typecheck.
 */
type Conforms<Target, Events extends EventMap<Events>> = { [K in keyof Events]: (target: Target, listener: (...args: Events[K]) => void) => unknown };

/** An Electron.Event: preventDefault() sets defaultPrevented. */
export type FakeEvent<Params extends object = {}> = Electron.Event<Params> & { defaultPrevented: boolean };

export function fakeEvent<Params extends object = {}>(params: Params = {} as Params): FakeEvent<Params> {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** What the fakes pretend the OS is (owned windows, tray menus). Reset by resetFakes(). */
export const host = { platform: process.platform as NodeJS.Platform };

let nextId = 1;

// ── webContents ─────────────────────────────────────────────────────────────────────────────────

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public processId: number,
    public routingId: number,
    public url: string,
  ) {}
}

type NavigationParams = Electron.WebContentsWillNavigateEventParams;
type RedirectParams = Electron.WebContentsWillRedirectEventParams;

export interface WebContentsEvents {
  'will-navigate': [event: FakeEvent<NavigationParams>, url: string, isInPlace: boolean, isMainFrame: boolean, frameProcessId: number, frameRoutingId: number];
  'will-redirect': [event: FakeEvent<RedirectParams>, url: string, isInPlace: boolean, isMainFrame: boolean, frameProcessId: number, frameRoutingId: number];
  'did-fail-load': [event: FakeEvent, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean, frameProcessId: number, frameRoutingId: number];
  /** A main-frame navigation committed, with the HTTP status of its response (-1 when not HTTP). */
  'did-navigate': [event: FakeEvent, url: string, httpResponseCode: number, httpStatusText: string];
  'will-attach-webview': [event: FakeEvent, webPreferences: Electron.WebPreferences, params: Record<string, string>];
  destroyed: [];
}

const webContentsEventsConform = {
  'will-navigate': (target, listener) => target.on('will-navigate', listener),
  'will-redirect': (target, listener) => target.on('will-redirect', listener),
  'did-fail-load': (target, listener) => target.on('did-fail-load', listener),
  'did-navigate': (target, listener) => target.on('did-navigate', listener),
  'will-attach-webview': (target, listener) => target.on('will-attach-webview', listener),
  destroyed: (target, listener) => target.on('destroyed', listener),
} satisfies Conforms<Electron.WebContents, WebContentsEvents>;
void webContentsEventsConform;

export type WindowOpenHandler = (details: Pick<Electron.HandlerDetails, 'url'>) => Electron.WindowOpenHandlerResponse;

export class FakeWebContents extends TypedEmitter<WebContentsEvents> {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame(100 + this.id, 1, '');
  destroyed = false;
  /** The page has a beforeunload handler that vetoes closing (e.g. a half-filled sign-in form). */
  vetoesUnload = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  getURL() {
    return this.mainFrame.url;
  }
  loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });
  /** Emits will-navigate like Chromium; returns whether something prevented it. */
  navigate(url: string): boolean {
    const event = fakeEvent<NavigationParams>({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('will-navigate', event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId);
    return event.defaultPrevented;
  }
  redirect(url: string, isMainFrame = true): boolean {
    const event = fakeEvent<RedirectParams>({ url, isSameDocument: false, isMainFrame, frame: null });
    this.emit('will-redirect', event, url, false, isMainFrame, this.mainFrame.processId, this.mainFrame.routingId);
    return event.defaultPrevented;
  }
  /** A page's window.open (or target=_blank): what the handler answers. */
  openWindow(url: string): Electron.WindowOpenHandlerResponse | null {
    return this.windowOpenHandler?.({ url }) ?? null;
  }
  /**
   * The main frame committed `url` (Chromium commits a server's error page too, e.g. a 403 with its
   * own HTML): emits did-navigate with the response's status, like Electron.
   */
  commitNavigation(url: string, httpResponseCode = 200, httpStatusText = 'OK') {
    this.mainFrame.url = url;
    this.emit('did-navigate', fakeEvent(), url, httpResponseCode, httpStatusText);
  }
  failLoad(errorCode: number, description: string, url: string, isMainFrame = true) {
    this.emit('did-fail-load', fakeEvent(), errorCode, description, url, isMainFrame, this.mainFrame.processId, this.mainFrame.routingId);
  }
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

// ── sessions ────────────────────────────────────────────────────────────────────────────────────

export type OnBeforeRequestListener = (
  details: { url: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: OnBeforeRequestListener } | null = null;
  clearStorageData = vi.fn(async () => {});
  clearCache = vi.fn(async () => {});
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: OnBeforeRequestListener | null) => {
      this.beforeRequest = listener ? { filter, listener } : null;
    },
  };
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  /** Runs the webRequest hook as Chromium would; returns the callback's answer. */
  request(url: string, resourceType = 'mainFrame'): { cancel?: boolean } | null {
    if (!this.beforeRequest) return null;
    let answer: { cancel?: boolean } | null = null;
    this.beforeRequest.listener({ url, resourceType }, (response) => (answer = response));
    return answer;
  }
}

const sessions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string) {
    let found = sessions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      sessions.set(partition, found);
    }
    return found;
  },
};

// ── the single-instance lock: one per userData folder, across every fake app in this process ────

interface LockHolder {
  secondInstance(argv: string[]): void;
}
const LOCKS_KEY = Symbol.for('pacebar.fakes.electron.singleInstanceLocks');
/** On globalThis so apps from different module registries (vi.resetModules) contend for it. */
function instanceLocks(): Map<string, LockHolder> {
  const global = globalThis as { [LOCKS_KEY]?: Map<string, LockHolder> };
  global[LOCKS_KEY] ??= new Map();
  return global[LOCKS_KEY];
}

// ── app ─────────────────────────────────────────────────────────────────────────────────────────

export interface AppEvents {
  'before-quit': [event: FakeEvent];
  'will-quit': [event: FakeEvent];
  quit: [event: FakeEvent, exitCode: number];
  'window-all-closed': [];
  'second-instance': [event: FakeEvent, argv: string[], workingDirectory: string, additionalData: unknown];
  activate: [event: FakeEvent, hasVisibleWindows: boolean];
  'web-contents-created': [event: FakeEvent, webContents: Electron.WebContents];
}

const appEventsConform = {
  'before-quit': (target, listener) => target.on('before-quit', listener),
  'will-quit': (target, listener) => target.on('will-quit', listener),
  quit: (target, listener) => target.on('quit', listener),
  'window-all-closed': (target, listener) => target.on('window-all-closed', listener),
  'second-instance': (target, listener) => target.on('second-instance', listener),
  activate: (target, listener) => target.on('activate', listener),
  'web-contents-created': (target, listener) => target.on('web-contents-created', listener),
} satisfies Conforms<Electron.App, AppEvents>;
void appEventsConform;

type PathName = Parameters<Electron.App['getPath']>[0];
type LoginItemSettings = Pick<Electron.LoginItemSettings, 'openAtLogin'>;

/** The fake appData folder: nothing is written there, it only names the default userData. */
export const FAKE_APP_DATA = '/fake-app-data';

class FakeApp extends TypedEmitter<AppEvents> {
  isPackaged = false;
  /** null while running; the exit code once the process would have ended. */
  exitedWith: number | null = null;
  /** What the OS says about the login item (System Settings, Task Manager). */
  loginItem: LoginItemSettings = { openAtLogin: false };
  private quitting = false;
  private readonly paths = new Map<string, string>([
    ['appData', FAKE_APP_DATA],
    ['userData', `${FAKE_APP_DATA}/Pacebar`],
  ]);
  private holdsLock = false;

  getPath = vi.fn((name: PathName): string => {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake app.getPath: no path for ${name}`);
    return path;
  });
  setPath = vi.fn((name: string, path: string): void => {
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    this.paths.set(name, path);
  });
  requestSingleInstanceLock = vi.fn((): boolean => {
    const locks = instanceLocks();
    const key = this.getPath('userData');
    const holder = locks.get(key);
    if (holder && !this.holdsLock) {
      // Electron tells the primary on its next turn; this process should now leave.
      setImmediate(() => holder.secondInstance(process.argv));
      return false;
    }
    locks.set(key, { secondInstance: (argv) => this.emit('second-instance', fakeEvent(), argv, process.cwd(), {}) });
    this.holdsLock = true;
    return true;
  });
  hasSingleInstanceLock = vi.fn(() => this.holdsLock);
  releaseSingleInstanceLock = vi.fn(() => this.releaseLock());
  quit = vi.fn(() => this.runQuit());
  exit = vi.fn((exitCode = 0) => {
    // Windows destroyed without asking; no before-quit, no will-quit.
    if (this.exitedWith !== null) return;
    for (const window of BrowserWindow.alive()) window.destroy();
    this.end(exitCode);
  });
  focus = vi.fn((_options?: { steal: boolean }) => {});
  setAppUserModelId = vi.fn((_id: string) => {});
  getLoginItemSettings = vi.fn((): LoginItemSettings => ({ ...this.loginItem }));
  setLoginItemSettings = vi.fn((settings: Electron.Settings) => {
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false };
  });
  getAppPath = vi.fn(() => '/app');
  getVersion = vi.fn(() => PACKAGE_VERSION);
  whenReady = vi.fn(() => Promise.resolve());
  dock = { hide: vi.fn() };

  /** Electron's Browser::Quit. */
  private runQuit(): void {
    if (this.quitting || this.exitedWith !== null) return;
    const beforeQuit = fakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    const windows = BrowserWindow.alive();
    if (windows.length === 0) return this.willQuit();
    // Each window is asked; the last one closing continues the quit (windowClosed below).
    for (const window of windows) {
      if (!this.quitting) return;
      window.close();
    }
  }

  /** Called by BrowserWindow when a window is gone (Browser::OnWindowAllClosed). */
  windowClosed(): void {
    if (BrowserWindow.alive().length > 0) return;
    if (this.exitedWith !== null) return;
    if (this.quitting) return this.willQuit();
    this.emit('window-all-closed');
    // lib/browser/init.ts: with no listener of its own, the app quits when its last window closes.
    if (this.listenerCount('window-all-closed') === 0) this.runQuit();
  }

  /** Browser::OnWindowCloseCancelled: a window refused to close, so the quit is off. */
  windowCloseCancelled(): void {
    this.quitting = false;
  }

  private willQuit(): void {
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.end(0);
  }

  private end(exitCode: number): void {
    this.exitedWith = exitCode;
    this.releaseLock();
    this.emit('quit', fakeEvent(), exitCode);
  }

  private releaseLock(): void {
    if (!this.holdsLock) return;
    instanceLocks().delete(this.getPath('userData'));
    this.holdsLock = false;
  }
}
export const app = new FakeApp();

// ── windows ─────────────────────────────────────────────────────────────────────────────────────

export interface WindowEvents {
  close: [event: FakeEvent];
  closed: [];
  'ready-to-show': [];
  show: [];
}

const windowEventsConform = {
  close: (target, listener) => target.on('close', listener),
  closed: (target, listener) => target.on('closed', listener),
  'ready-to-show': (target, listener) => target.on('ready-to-show', listener),
  show: (target, listener) => target.on('show', listener),
} satisfies Conforms<Electron.BrowserWindow, WindowEvents>;
void windowEventsConform;

export class BrowserWindow extends TypedEmitter<WindowEvents> {
  static instances: BrowserWindow[] = [];
  static alive(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.isDestroyed());
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.alive();
  }
  private static waiting: ((win: BrowserWindow) => void)[] = [];
  /** Resolves with the next window created (waiting for the code under test, not polling for it). */
  static next(): Promise<BrowserWindow> {
    return new Promise((resolve) => BrowserWindow.waiting.push(resolve));
  }
  static resetWaiting() {
    BrowserWindow.waiting = [];
  }
  readonly webContents = new FakeWebContents();
  readonly owner: BrowserWindow | null;
  destroyed = false;
  visible = false;
  minimized = false;
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  focus = vi.fn();
  restore = vi.fn();
  center = vi.fn();
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.owner = (options.parent as unknown as BrowserWindow | undefined) ?? null;
    BrowserWindow.instances.push(this);
    // As in Electron: every new webContents is announced to the app.
    app.emit('web-contents-created', fakeEvent(), this.webContents as unknown as Electron.WebContents);
    for (const resolve of BrowserWindow.waiting.splice(0)) resolve(this);
  }
  /** Resolves once the window is destroyed: at once if it is, else on its 'closed' event. */
  whenDestroyed(): Promise<void> {
    return this.destroyed ? Promise.resolve() : new Promise((resolve) => this.once('closed', () => resolve()));
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  /** Asks the window to close: its 'close' listeners and the page's beforeunload may refuse. */
  close() {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented || this.webContents.vetoesUnload) {
      app.windowCloseCancelled();
      return;
    }
    this.destroy();
  }
  /** Gone without asking anyone; 'closed' always follows. */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    // Win32 destroys owned windows with their owner (the `parent` option makes an owned window).
    if (host.platform === 'win32') for (const child of BrowserWindow.alive().filter((w) => w.owner === this)) child.destroy();
    this.webContents.destroy();
    this.emit('closed');
    app.windowClosed();
  }
}

// ── theme, screen and images ──────────────────────────────────────────────────────────────────────

export interface NativeThemeEvents {
  updated: [];
}

const nativeThemeEventsConform = {
  updated: (target, listener) => target.on('updated', listener),
} satisfies Conforms<Electron.NativeTheme, NativeThemeEvents>;
void nativeThemeEventsConform;

/** The OS's light or dark mode; `set` changes it and emits 'updated' as Electron does (docs/api/native-theme.md). */
class FakeNativeTheme extends TypedEmitter<NativeThemeEvents> {
  shouldUseDarkColors = false;
  /** Windows: the taskbar's and Start's own mode, apart from the apps' (macOS: the same as shouldUseDarkColors). */
  shouldUseDarkColorsForSystemIntegratedUI = false;
  set(dark: { apps?: boolean; system?: boolean }): void {
    if (dark.apps !== undefined) this.shouldUseDarkColors = dark.apps;
    if (dark.system !== undefined) this.shouldUseDarkColorsForSystemIntegratedUI = dark.system;
    this.emit('updated');
  }
  reset(): void {
    this.shouldUseDarkColors = false;
    this.shouldUseDarkColorsForSystemIntegratedUI = false;
    this.removeAllListeners();
  }
}
export const nativeTheme = new FakeNativeTheme();

export interface ScreenEvents {
  'display-metrics-changed': [event: FakeEvent, display: Electron.Display, changedMetrics: string[]];
}

const screenEventsConform = {
  'display-metrics-changed': (target, listener) => target.on('display-metrics-changed', listener),
} satisfies Conforms<Electron.Screen, ScreenEvents>;
void screenEventsConform;

/** One display; `scaleFactor` is its DPI scale (1.5 at Windows' 150 %). */
class FakeScreen extends TypedEmitter<ScreenEvents> {
  scaleFactor = 1;
  getPrimaryDisplay = vi.fn(() => ({ scaleFactor: this.scaleFactor }) as Electron.Display);
  /** The person changes the display scale: Electron emits display-metrics-changed with 'scaleFactor'. */
  setScaleFactor(scaleFactor: number): void {
    this.scaleFactor = scaleFactor;
    this.emit('display-metrics-changed', fakeEvent(), this.getPrimaryDisplay(), ['scaleFactor']);
  }
  reset(): void {
    this.scaleFactor = 1;
    this.removeAllListeners();
  }
}
export const screen = new FakeScreen();

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

/**
 * A NativeImage: its file, or its representations (scale factor → PNG bytes). As in Electron,
 * setTemplateImage has an effect on macOS only (electron_api_native_image.cc: SetTemplateImage and
 * IsTemplateImage are empty / false off macOS).
 */
export class FakeNativeImage {
  readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
  private template = false;
  constructor(readonly path: string | null = null) {}
  setTemplateImage = vi.fn((template: boolean) => {
    if (host.platform === 'darwin') this.template = template;
  });
  isTemplateImage(): boolean {
    return this.template;
  }
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    if (options.buffer) this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer });
  }
  getScaleFactors(): number[] {
    return this.representations.map((rep) => rep.scaleFactor);
  }
  /** The PNG of one representation (Electron encodes the closest one; here only exact ones exist). */
  toPNG(options: Electron.ToPNGOptions = {}): Buffer {
    return this.representations.find((rep) => rep.scaleFactor === (options.scaleFactor ?? 1))?.buffer ?? Buffer.alloc(0);
  }
}

export const nativeImage = {
  createFromPath: vi.fn((path: string) => new FakeNativeImage(path)),
  createFromBuffer: vi.fn((buffer: Buffer, options: Electron.CreateFromBufferOptions = {}) => {
    const image = new FakeNativeImage();
    image.addRepresentation({ buffer, scaleFactor: options.scaleFactor ?? 1 });
    return image;
  }),
};

// ── menus and the tray ──────────────────────────────────────────────────────────────────────────

export interface MenuEvents {
  'menu-will-show': [event: FakeEvent];
  'menu-will-close': [event: FakeEvent];
}

const menuEventsConform = {
  'menu-will-show': (target, listener) => target.on('menu-will-show', listener),
  'menu-will-close': (target, listener) => target.on('menu-will-close', listener),
} satisfies Conforms<Electron.Menu, MenuEvents>;
void menuEventsConform;

export type FakeMenuItem = Electron.MenuItemConstructorOptions;

/** Chooses a menu item as a click would (Electron passes the item, the focused window and the key state). */
export function clickItem(item: FakeMenuItem | undefined): void {
  item?.click?.({} as Electron.MenuItem, undefined, {});
}

export class FakeMenu extends TypedEmitter<MenuEvents> {
  constructor(readonly template: FakeMenuItem[]) {
    super();
  }
}

export const Menu = {
  buildFromTemplate: vi.fn((template: FakeMenuItem[]) => new FakeMenu(template)),
};

export interface TrayEvents {
  click: [event: Electron.KeyboardEvent, bounds: Electron.Rectangle, position: Electron.Point];
  'right-click': [event: Electron.KeyboardEvent, bounds: Electron.Rectangle];
}

const trayEventsConform = {
  click: (target, listener) => target.on('click', listener),
  'right-click': (target, listener) => target.on('right-click', listener),
} satisfies Conforms<Electron.Tray, TrayEvents>;
void trayEventsConform;

/**
 * The menu events follow ElectronMenuController (shell/browser/ui/cocoa/electron_menu_controller.mm):
 * submenus share the root's controller as their delegate, so opening one emits the root Menu's
 * menu-will-show again (menuWillOpen), and closing a submenu of the root emits menu-will-close while
 * the root menu stays open (menuDidClose: "the current menu's supermenu is the top-level menu"),
 * after which the root's own close emits nothing (isMenuOpen_ is already NO).
 */
export class Tray extends TypedEmitter<TrayEvents> {
  static instances: Tray[] = [];
  tooltip = '';
  /** The macOS menu-bar title; Electron keeps none elsewhere (getTitle returns ''). */
  title = '';
  menu: FakeMenu | null = null;
  /** The menu the person has open right now, if any. */
  openMenu: FakeMenu | null = null;
  /** Open menus that a setContextMenu closed under the person's pointer (macOS). */
  menusClosedUnderPointer = 0;
  destroyed = false;
  /** ElectronMenuController's isMenuOpen_: what decides whether a close is reported. */
  private menuOpenFlag = false;
  constructor(public image: FakeNativeImage | string) {
    super();
    Tray.instances.push(this);
  }
  setImage = vi.fn((image: FakeNativeImage | string) => {
    this.image = image;
  });
  setToolTip(text: string) {
    this.tooltip = text;
  }
  /** electron_api_tray.cc Tray::SetTitle: validates fontType, then sets the title on macOS only (`#if IS_MAC`). */
  setTitle = vi.fn((title: string, options?: Electron.TitleOptions) => {
    if (options?.fontType !== undefined && options.fontType !== 'monospaced' && options.fontType !== 'monospacedDigit') {
      throw new TypeError("fontType must be one of 'monospaced' or 'monospacedDigit'");
    }
    if (host.platform === 'darwin') this.title = title;
  });
  getTitle(): string {
    return host.platform === 'darwin' ? this.title : '';
  }
  setContextMenu(menu: FakeMenu | null) {
    // macOS swaps the status item's NSMenu, which closes the one on screen.
    if (this.openMenu && host.platform === 'darwin') {
      this.menusClosedUnderPointer += 1;
      this.closeMenu();
    }
    this.menu = menu;
  }
  /** The person clicks the icon and the menu appears. */
  showMenu() {
    if (!this.menu) return;
    this.openMenu = this.menu;
    this.menuOpenFlag = true;
    this.menu.emit('menu-will-show', fakeEvent());
  }
  /** The pointer rests on a submenu item ("Recent activities ▸") and the submenu opens. */
  openSubmenu() {
    if (!this.openMenu) return;
    this.menuOpenFlag = true;
    this.openMenu.emit('menu-will-show', fakeEvent());
  }
  /** The pointer leaves the submenu: it closes, the menu stays open. */
  closeSubmenu() {
    if (!this.openMenu || !this.menuOpenFlag) return;
    this.menuOpenFlag = false;
    this.openMenu.emit('menu-will-close', fakeEvent());
  }
  /** The menu goes away (an item chosen, a click elsewhere, or replaced). */
  closeMenu() {
    const open = this.openMenu;
    this.openMenu = null;
    if (!this.menuOpenFlag) return;
    this.menuOpenFlag = false;
    open?.emit('menu-will-close', fakeEvent());
  }
  click() {
    this.emit('click', {}, { x: 0, y: 0, width: 22, height: 22 }, { x: 10, y: 10 });
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

type Handler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

// ── notifications ───────────────────────────────────────────────────────────────────────────────

export interface NotificationEvents {
  show: [event: FakeEvent];
  click: [event: FakeEvent];
  close: [event: FakeEvent];
  failed: [event: FakeEvent, error: string];
}

const notificationEventsConform = {
  show: (target, listener) => target.on('show', listener),
  click: (target, listener) => target.on('click', listener),
  close: (target, listener) => target.on('close', listener),
  failed: (target, listener) => target.on('failed', listener),
} satisfies Conforms<Electron.Notification, NotificationEvents>;
void notificationEventsConform;

export class Notification extends TypedEmitter<NotificationEvents> {
  static instances: Notification[] = [];
  static isSupported = vi.fn(() => true);
  /**
   * Why the OS refuses to show notifications, or null when it shows them: an unsigned macOS app
   * (Electron 42+) or, on Windows, an AppUserModelID with no Start-menu shortcut.
   */
  static failure: string | null = null;
  show = vi.fn(() => {
    // Asynchronous, as the OS answers later.
    setImmediate(() => {
      if (Notification.failure !== null) this.emit('failed', fakeEvent(), Notification.failure);
      else this.emit('show', fakeEvent());
    });
  });
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
    Notification.instances.push(this);
  }
}

/** Chromium's network stack; in the fakes, Node's fetch (the same WHATWG Request/Response). */
export const net = { fetch: vi.fn((input: string, init?: RequestInit) => globalThis.fetch(input, init)) };

export const powerMonitor = new EventEmitter();

export const dialog = {
  showMessageBox: vi.fn(async (..._args: [Electron.BrowserWindow, Electron.MessageBoxOptions] | [Electron.MessageBoxOptions]) => ({ response: 1, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]) => undefined) });

export function resetFakes() {
  BrowserWindow.instances = [];
  BrowserWindow.resetWaiting();
  Tray.instances = [];
  Notification.instances = [];
  Notification.failure = null;
  host.platform = process.platform;
  nativeTheme.reset();
  screen.reset();
  sessions.clear();
}

export default { app, BrowserWindow, session, nativeTheme, screen, shell, nativeImage, Menu, Tray, protocol, ipcMain, net, Notification, powerMonitor, dialog, contextBridge, ipcRenderer };
