// EventEmitter-based stand-ins for the Electron APIs Pacebar's main process uses, for
// vi.mock('electron', () => import('../fakes/electron')). Only what the glue touches is modelled.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextId = 1;

export interface FakeNavigationEvent {
  url: string;
  isMainFrame: boolean;
  isSameDocument: boolean;
  frame: null;
  defaultPrevented: boolean;
  preventDefault(): void;
}

function navigationEvent(url: string, isMainFrame = true): FakeNavigationEvent {
  return {
    url,
    isMainFrame,
    isSameDocument: false,
    frame: null,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public processId: number,
    public routingId: number,
    public url: string,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame(100 + this.id, 1, '');
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
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
    const event = navigationEvent(url);
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
  redirect(url: string, isMainFrame = true): boolean {
    const event = navigationEvent(url, isMainFrame);
    this.emit('will-redirect', event, url, false, isMainFrame, 0, 0);
    return event.defaultPrevented;
  }
  failLoad(errorCode: number, description: string, url: string, isMainFrame = true) {
    this.emit('did-fail-load', { preventDefault() {} }, errorCode, description, url, isMainFrame, 0, 0);
  }
  attachWebview(): boolean {
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    return prevented;
  }
}

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

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  focus = vi.fn();
  setAppUserModelId = vi.fn();
  setLoginItemSettings = vi.fn();
  getAppPath = vi.fn(() => '/app');
  whenReady = vi.fn(() => Promise.resolve());
  dock = { hide: vi.fn() };
}
export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  private static waiting: ((win: BrowserWindow) => void)[] = [];
  /** Resolves with the next window created (waiting for the code under test, not polling for it). */
  static next(): Promise<BrowserWindow> {
    return new Promise((resolve) => BrowserWindow.waiting.push(resolve));
  }
  static resetWaiting() {
    BrowserWindow.waiting = [];
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn();
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
    // As in Electron: every new webContents is announced to the app.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
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
  close() {
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export const nativeTheme = { shouldUseDarkColors: false };

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({ path, setTemplateImage: vi.fn() })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: { template: { id?: string; label?: string; enabled?: boolean; type?: string; click?: () => void }[] } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: Tray['menu']) {
    this.menu = menu;
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

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static isSupported = vi.fn(() => true);
  show = vi.fn();
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
}

export const powerMonitor = new EventEmitter();

export const dialog = {
  showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]) => undefined) });

export function resetFakes() {
  BrowserWindow.instances = [];
  BrowserWindow.resetWaiting();
  Tray.instances = [];
  Notification.instances = [];
  sessions.clear();
}

export default { app, BrowserWindow, session, nativeTheme, shell, nativeImage, Menu, Tray, protocol, ipcMain, Notification, powerMonitor, dialog, contextBridge, ipcRenderer };
