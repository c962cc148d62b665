// Runs the built `pacebar` (out/cli/pacebar.js) as a subprocess against the Strava simulator,
// with its own config folder and keychain service, and records every byte it printed.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'out', 'cli', 'pacebar.js');
export const FAKE_BROWSER = join(ROOT, 'test', 'cli', 'fixtures', 'fake-browser.mjs');

let built = false;
/** Builds the command once per test process with the project's own build script. */
export function buildCliOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
  if (process.platform !== 'win32') chmodSync(FAKE_BROWSER, 0o755);
  built = true;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything any command printed in this test process, for the "no secret leaked" checks. */
export const transcript: string[] = [];

/** The environment without anything of the developer's that could steer the command. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(PACEBAR_|STRAVA_|FAKE_BROWSER_)/.test(key) || key === 'BROWSER' || /^(https?|no|all)_proxy$/i.test(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  /** Called with all of stderr so far whenever more arrives. */
  onStderr?: (stderr: string) => void;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      transcript.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface Account {
  configDir: string;
  keychainService: string;
  scratch: string;
  env(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  run(args: string[], options?: RunOptions & { env?: Record<string, string | undefined> }): Promise<RunResult>;
  /** `pacebar login` with the fake browser answering Strava's page (decision and unticked scopes); force: over a live connection. */
  login(options?: { decision?: 'authorize' | 'cancel'; uncheck?: string[]; force?: boolean; env?: Record<string, string | undefined> }): Promise<RunResult>;
  /** What the fake browser noted ("open URL", "landed 200"), oldest first; none on Windows. */
  browserLog(): string[];
  dispose(): void;
}

/** A fresh config folder and keychain service pointed at `baseUrl`. */
export function newAccount(baseUrl: string): Account {
  const scratch = mkdtempSync(join(tmpdir(), 'pacebar-cli-test-'));
  const configDir = join(scratch, 'config');
  const keychainService = `pacebar-test-${randomUUID()}`;
  const browserEnv: Record<string, string> =
    process.platform === 'win32' ? {} : { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: join(scratch, 'browser.log') };
  const env = (extra: Record<string, string | undefined> = {}) =>
    cleanEnv({
      PACEBAR_CONFIG_DIR: configDir,
      STRAVA_BASE_URL: baseUrl,
      PACEBAR_KEYCHAIN_SERVICE: keychainService,
      // Failed GETs are retried as often as ever, just without the back-off: no test waits for it.
      PACEBAR_RETRY_DELAY_MS: '0',
      ...browserEnv,
      ...extra,
    });
  return {
    configDir,
    keychainService,
    scratch,
    env,
    run: (args, options = {}) => runCli(args, env(options.env), options),
    login: (options = {}) => {
      const browser = { FAKE_BROWSER_DECISION: options.decision ?? 'authorize', FAKE_BROWSER_UNCHECK: (options.uncheck ?? []).join(',') };
      const force = options.force ? ['--force'] : [];
      if (process.platform !== 'win32') return runCli(['login', ...force], env({ ...browser, ...options.env }));
      // Windows cannot start a .mjs file directly: print the URL only and play the browser here.
      let opened = false;
      return runCli(['login', '--no-open', ...force], env(options.env), {
        onStderr: (text) => {
          const url = /Open this URL to connect: (\S+)/.exec(text)?.[1];
          if (!url || opened) return;
          opened = true;
          spawn(process.execPath, [FAKE_BROWSER, url], { env: { ...process.env, ...browser }, stdio: 'ignore' });
        },
      });
    },
    browserLog: () => {
      try {
        return readFileSync(join(scratch, 'browser.log'), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    dispose: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

/** Every file's text under a folder (config dir: settings.json, cache.json). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

/** A 127.0.0.1 port with nothing listening: "Strava is down". */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
