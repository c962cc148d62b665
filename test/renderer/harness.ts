// Test harness for the renderer: builds it with vite once, serves it on 127.0.0.1, opens it in headless
// Chromium (playwright-core) and stands in for the preload's window.pacebar.
//
// window.pacebar is always built in the page from one binding, window.__pacebarBridge(method, args),
// exposed with page.exposeBinding. openDashboard() answers it with a recording fake built from a
// DashboardState; openWithBridge() answers it with any Node-side handlers, e.g. the real engine
// against the simulator. Either way, push(state) delivers a stateChanged event to the page.
//
// This file runs under the root tsconfig too (scripts/screenshots.ts imports it), which has no DOM
// lib: code that runs in the page only touches globalThis through the small interfaces below.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ActionResult, DashboardState, PacebarApi } from '../../preload/contract';
import { connectedState } from './fixtures';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_ROOT = join(ROOT, 'renderer');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every method of window.pacebar except the event subscription. */
export type ApiMethod = Exclude<keyof PacebarApi, 'onStateChanged'>;
export type ActionMethod = Exclude<ApiMethod, 'getState'>;

/** Node-side answers to window.pacebar calls. Arguments arrive JSON-cloned, as over IPC. */
export type BridgeHandlers = {
  [K in ApiMethod]: (...args: Parameters<PacebarApi[K]>) => Awaited<ReturnType<PacebarApi[K]>> | ReturnType<PacebarApi[K]>;
};

export interface RecordedCall {
  method: ApiMethod;
  args: unknown[];
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  /** Needed by runAxe(): axe is injected as an inline script, which the page's CSP blocks otherwise. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  /** Defaults to en-GB and UTC, so "1,204 km" and "14:45" are what tests expect. */
  locale?: string;
  timezoneId?: string;
  /** Serve avatars from cloudfront/strava with a local stand-in image (default true). */
  stubAvatars?: boolean;
  /** Called with the page before it navigates: add routes, bindings or a page.clock here. */
  beforeNavigate?: (page: Page, context: BrowserContext) => Promise<void>;
}

export interface DashboardPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, favicon 404s left out. */
  consoleErrors: string[];
  /** Requests that left 127.0.0.1 (other than stubbed avatars). */
  externalRequests: string[];
  /** Delivers a stateChanged push to the page's listeners. */
  push(state: DashboardState): Promise<void>;
  /** securitypolicyviolation events seen by the page, as "directive blocked-uri". */
  cspViolations(): Promise<string[]>;
  /** Runs axe-core on the page; requires bypassCSP. Returns the violations (id, impact, help, targets). */
  runAxe(): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

export interface FakeDashboardPage extends DashboardPage {
  /** Every call made to window.pacebar, in order, getState included. */
  calls: RecordedCall[];
  /** Calls other than getState. */
  actions(): RecordedCall[];
  /** Resolves with actions() once the page has made at least `count` of them (as they arrive, no polling). */
  waitForActions(count: number): Promise<RecordedCall[]>;
  /** What an action answers from now on (default { ok: true }). */
  setResult(method: ActionMethod, result: ActionResult): void;
  /** The state getState() answers; push() updates it too. */
  state: DashboardState;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

// ---------- build ----------

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Hash of everything the renderer build reads, so workers and runs share one build per source state. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [...listFiles(RENDERER_ROOT), join(ROOT, 'preload/contract.ts')].sort();
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

let buildPromise: Promise<string> | null = null;

/**
 * Builds renderer/index.html with vite's JS API, the way electron-vite's renderer section does
 * (base './', no module-preload polyfill), into a temp folder keyed by a hash of the sources.
 * Returns the folder. Concurrent vitest workers may both build; the first rename wins.
 */
export function buildRenderer(): Promise<string> {
  buildPromise ??= (async () => {
    const outDir = join(tmpdir(), `pacebar-renderer-${sourceHash()}`);
    if (existsSync(join(outDir, 'index.html'))) return outDir;
    const staging = mkdtempSync(join(tmpdir(), 'pacebar-renderer-build-'));
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: RENDERER_ROOT,
      base: './',
      logLevel: 'warn',
      build: {
        outDir: staging,
        emptyOutDir: true,
        modulePreload: { polyfill: false },
        reportCompressedSize: false,
        rolldownOptions: { input: { index: join(RENDERER_ROOT, 'index.html') } },
      },
    });
    try {
      renameSync(staging, outDir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(outDir, 'index.html'))) throw new Error(`renderer build missing in ${outDir}`);
    }
    return outDir;
  })();
  return buildPromise;
}

// ---------- static server ----------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The renderer's CSP as a response header. index.html carries the same policy in a <meta>, minus
 * frame-ancestors, which browsers ignore (and log an error for) in a <meta>: like the app:// protocol
 * handler in main should, the test server sends the whole policy as a header too.
 */
export const CSP_HEADER =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https://dgalywyr863hv.cloudfront.net https://lh3.googleusercontent.com https://graph.facebook.com https://platform-lookaside.fbsbx.com data:; " +
  "connect-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 with an OS-chosen port. GET and HEAD only, no listing, no escaping `dir`. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, pathname === '/' ? 'index.html' : pathname));
    const ok = (request.method === 'GET' || request.method === 'HEAD') && file.startsWith(dir + sep);
    if (!ok || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(extname(file) === '.html' ? { 'content-security-policy': CSP_HEADER } : {}),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

let serverPromise: Promise<StaticServer> | null = null;

/** The built renderer, served once per process. */
export function rendererServer(): Promise<StaticServer> {
  serverPromise ??= buildRenderer().then(serveDirectory);
  return serverPromise;
}

// ---------- browser ----------

let browserPromise: Promise<Browser> | null = null;

/** One headless Chromium per process; each page gets its own fresh context (a fresh profile). */
export function launchChromium(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: process.env.PACEBAR_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  return browserPromise;
}

/**
 * Builds and serves the renderer and launches Chromium. Call from beforeAll: a first launch can take
 * seconds on a busy machine, and belongs to the file's set-up, not to whichever test opens a page first.
 */
export async function warmUpHarness(): Promise<void> {
  await Promise.all([launchChromium(), rendererServer()]);
  // The first page of a browser costs more (a renderer process to start, scripts to compile): open one here.
  const first = await openDashboard(connectedState());
  await first.close();
}

/** Closes the browser and the server. Call from afterAll. */
export async function closeHarness(): Promise<void> {
  const browser = browserPromise;
  const server = serverPromise;
  browserPromise = null;
  serverPromise = null;
  await Promise.all([browser?.then((b) => b.close()).catch(() => undefined), server?.then((s) => s.close()).catch(() => undefined)]);
}

// ---------- the page side of window.pacebar ----------

interface PageGlobals {
  __pacebarBridge(method: string, args: unknown[]): Promise<unknown>;
  __pacebarPush(state: unknown): void;
  __cspViolations: string[];
  pacebar: unknown;
  document: { addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void };
}

/** Runs in the page before any of its scripts: builds window.pacebar on top of the bridge binding. */
function installPacebarInPage(methods: string[]): void {
  const page = globalThis as unknown as PageGlobals;
  page.__cspViolations = [];
  page.document.addEventListener('securitypolicyviolation', (event) => {
    page.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  const listeners = new Set<(state: unknown) => void>();
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    api[method] = (...args: unknown[]) => page.__pacebarBridge(method, args);
  }
  api.onStateChanged = (listener: (state: unknown) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  page.__pacebarPush = (state) => {
    for (const listener of [...listeners]) listener(state);
  };
  // Like contextBridge: a frozen object of functions.
  Object.defineProperty(page, 'pacebar', { value: Object.freeze(api), enumerable: true });
}

export const API_METHODS: ApiMethod[] = [
  'getState',
  'saveCredentials',
  'connect',
  'cancelConnect',
  'disconnect',
  'refresh',
  'updateSettings',
  'addGoal',
  'removeGoal',
  'openAthleteOnStrava',
  'openActivityOnStrava',
  'openStravaApiSettings',
  'quit',
];

/** A small round avatar served in place of Strava's CDN. */
const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">' +
  '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5b8def"/><stop offset="1" stop-color="#2c4fa8"/></linearGradient></defs>' +
  '<rect width="120" height="120" fill="url(#g)"/><circle cx="60" cy="46" r="22" fill="#e9eefc"/>' +
  '<path d="M18 120c6-26 24-40 42-40s36 14 42 40z" fill="#e9eefc"/></svg>';

let axeSource: string | null = null;

/**
 * Opens the built renderer with window.pacebar answered by `handlers` in Node. This is the hook for
 * driving the page with the real engine: pass handlers that call it, and call push() whenever it
 * emits a new state.
 */
export async function openWithBridge(
  handlers: BridgeHandlers,
  options: OpenOptions = {},
  onCall?: (call: RecordedCall) => void,
): Promise<DashboardPage> {
  const [browser, server] = await Promise.all([launchChromium(), rendererServer()]);
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false,
    viewport: options.viewport ?? { width: 420, height: 760 },
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'UTC',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/favicon\.ico/.test(message.location().url ?? '') || /favicon/.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));

  const origin = new URL(server.url).origin;
  await context.route(
    (url) => url.origin !== origin && !url.protocol.startsWith('data'),
    async (route) => {
      const url = route.request().url();
      const avatar = /^https:\/\/[^/]+\.(cloudfront\.net|strava\.com)\//.test(url);
      if (avatar && options.stubAvatars !== false) {
        await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: AVATAR_SVG });
        return;
      }
      externalRequests.push(url);
      await route.abort('blockedbyclient');
    },
  );

  await page.exposeBinding('__pacebarBridge', async (_source, method: string, args: unknown[]) => {
    if (!API_METHODS.includes(method as ApiMethod)) throw new Error(`unknown window.pacebar method ${method}`);
    const call = { method: method as ApiMethod, args: structuredClone(args) };
    onCall?.(call);
    const handler = handlers[call.method] as (...a: unknown[]) => unknown;
    return await handler(...call.args);
  });
  await page.addInitScript(installPacebarInPage, API_METHODS.filter((m) => m !== ('onStateChanged' as string)));
  if (options.beforeNavigate) await options.beforeNavigate(page, context);
  await page.goto(server.url, { waitUntil: 'load' });

  return {
    page,
    context,
    consoleErrors,
    externalRequests,
    async push(state) {
      await page.evaluate((next) => (globalThis as unknown as PageGlobals).__pacebarPush(next), state as unknown);
    },
    cspViolations: () => page.evaluate(() => [...(globalThis as unknown as PageGlobals).__cspViolations]),
    async runAxe() {
      if (!options.bypassCSP) throw new Error('runAxe needs openDashboard(state, { bypassCSP: true })');
      axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
      await page.addScriptTag({ content: axeSource });
      return page.evaluate(async () => {
        type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
        const axe = (globalThis as unknown as { axe: { run(options: unknown): Promise<AxeResult> } }).axe;
        const result = await axe.run({ resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.map(String).join(' ')),
        }));
      });
    },
    close: () => context.close(),
  };
}

/**
 * Opens the built renderer with a recording fake window.pacebar whose getState() answers `state`.
 * Waits until the page has rendered that state (#app[data-connection] matches it).
 */
export async function openDashboard(state: DashboardState, options: OpenOptions = {}): Promise<FakeDashboardPage> {
  const results = new Map<ActionMethod, ActionResult>();
  const calls: RecordedCall[] = [];
  const fake = { state: structuredClone(state) };
  const answer = (method: ActionMethod) => (): ActionResult => results.get(method) ?? { ok: true };
  const handlers: BridgeHandlers = {
    getState: () => structuredClone(fake.state),
    saveCredentials: answer('saveCredentials'),
    connect: answer('connect'),
    cancelConnect: answer('cancelConnect'),
    disconnect: answer('disconnect'),
    refresh: answer('refresh'),
    updateSettings: answer('updateSettings'),
    addGoal: answer('addGoal'),
    removeGoal: answer('removeGoal'),
    openAthleteOnStrava: answer('openAthleteOnStrava'),
    openActivityOnStrava: answer('openActivityOnStrava'),
    openStravaApiSettings: answer('openStravaApiSettings'),
    quit: answer('quit'),
  };
  const actions = () => calls.filter((call) => call.method !== 'getState');
  const waiting: { count: number; resolve: (recorded: RecordedCall[]) => void }[] = [];
  const settle = () => {
    const recorded = actions();
    for (const waiter of [...waiting]) {
      if (recorded.length < waiter.count) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
  };
  const opened = await openWithBridge(handlers, options, (call) => {
    calls.push(call);
    settle();
  });
  await waitForRender(opened.page, state);
  return {
    ...opened,
    calls,
    actions,
    waitForActions: (count) =>
      new Promise((resolve) => {
        waiting.push({ count, resolve });
        settle();
      }),
    setResult: (method, result) => void results.set(method, result),
    get state() {
      return fake.state;
    },
    set state(next: DashboardState) {
      fake.state = next;
    },
    async push(next) {
      fake.state = structuredClone(next);
      await opened.push(next);
      await waitForRender(opened.page, next);
    },
  };
}

/** The value the renderer sets on #app[data-connection] once it has drawn `state`. */
export function renderedKind(state: DashboardState): string {
  return state.loading ? 'loading' : state.connection.kind;
}

export async function waitForRender(page: Page, state: DashboardState): Promise<void> {
  await page.waitForSelector(`#app[data-connection="${renderedKind(state)}"]`, { state: 'attached' });
  // Let the render and any image decode settle before the test looks.
  await page.evaluate(() => new Promise((done) => (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame(() => done(null))));
}
