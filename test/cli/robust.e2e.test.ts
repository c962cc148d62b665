// The built `pacebar` against damage from outside (issue 9): Ctrl-C during login, a damaged
// settings file, a read-only settings folder during logout, and folders only their owner can read.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { buildCliOnce, CLI, newAccount, type Account } from './cliHarness';

const keytar = createRequire(import.meta.url)('keytar') as {
  getPassword(service: string, account: string): Promise<string | null>;
};

let strava: StravaSim;
const accounts: Account[] = [];

async function signedIn(): Promise<Account> {
  const a = newAccount(strava.baseUrl);
  accounts.push(a);
  const setup = await a.run(['setup', '--client-id', DEMO_CLIENT.clientId, '--client-secret-stdin'], { input: `${DEMO_CLIENT.clientSecret}\n` });
  expect(setup.code, setup.stderr).toBe(0);
  const login = await a.login();
  expect(login.code, login.stderr).toBe(0);
  return a;
}

beforeAll(async () => {
  buildCliOnce();
  strava = await startStravaSim({ now: Date.now() });
});

afterAll(async () => {
  for (const a of accounts) await a.run(['logout', '--forget-credentials']);
  for (const a of accounts) a.dispose();
  await strava.close();
});

describe('pacebar under damage from outside', { timeout: 90_000 }, () => {
  it('Ctrl-C while login waits prints "Sign-in was cancelled" and exits', async () => {
    const a = newAccount(strava.baseUrl);
    accounts.push(a);
    const setup = await a.run(['setup', '--client-id', DEMO_CLIENT.clientId, '--client-secret-stdin'], { input: `${DEMO_CLIENT.clientSecret}\n` });
    expect(setup.code, setup.stderr).toBe(0);
    const child = spawn(process.execPath, [CLI, 'login', '--no-open'], { env: a.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const waiting = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes("Waiting for Strava's answer")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waiting;
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).toMatch(/^pacebar: Sign-in was cancelled/m);
    expect(code).not.toBe(0);
  });

  it('a damaged settings.json is kept aside and `pacebar status` goes on with fresh data from what the keychain knows', async () => {
    const a = await signedIn();
    for (const damage of ['{"clientId":"12345","athl', 'null']) {
      writeFileSync(join(a.configDir, 'settings.json'), damage);
      const status = await a.run(['status', '--format', 'json']);
      expect(status.code, status.stderr).toBe(0);
      const body = JSON.parse(status.stdout) as { athlete: { id: number }; stale: boolean };
      expect(body.athlete.id).toBe(strava.athleteId);
      expect(body.stale).toBe(false);
      expect(status.stderr).toMatch(/^pacebar: warning: the settings file was damaged; it is kept as .*settings\.damaged-.*\.json/m);
    }
    expect(readdirSync(a.configDir).filter((name) => name.startsWith('settings.damaged-'))).toHaveLength(2);
    // Recovered for good: the next run needs no recovery and says nothing.
    const again = await a.run(['status']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('creates its settings folder (and missing parents) readable by its owner only', async () => {
    if (process.platform === 'win32') return;
    const a = await signedIn();
    expect(statSync(a.configDir).mode & 0o777).toBe(0o700);
  });

  // A read-only folder needs a mount: Linux as root (CI and the development machine), in a mount
  // namespace of the command's own so nothing outlives it.
  const canMount = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
  it.runIf(canMount)('logout in a read-only settings folder names the folder and the cause, and revokes or deletes nothing', async () => {
    const a = await signedIn();
    const athleteId = strava.athleteId;
    const before = await keytar.getPassword(a.keychainService, `athlete:${athleteId}`);
    const revokes = strava.count({ path: /^\/oauth\/(deauthorize|revoke)$/ });
    const dir = a.configDir;
    const script = `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}" && exec "${process.execPath}" "${CLI}" logout`;
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('unshare', ['-m', 'sh', '-c', script], { env: a.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`Cannot use the settings folder ${dir} (read-only file system, EROFS)`);
    expect(result.stderr).not.toMatch(/unexpected/);
    // One consistent state: still connected, tokens still in the keychain, Strava not told.
    expect(strava.count({ path: /^\/oauth\/(deauthorize|revoke)$/ })).toBe(revokes);
    expect(await keytar.getPassword(a.keychainService, `athlete:${athleteId}`)).toBe(before);
    const status = await a.run(['status', '--offline']);
    expect(status.code, status.stderr).toBe(0);
  });
});
