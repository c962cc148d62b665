// Measures that need a browser or a built command: renderer weight and speed, CLI start-up.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PacebarController } from '../core/controller/pacebarController';
import { buildRenderer, closeHarness, openWithBridge } from '../test/renderer/harness';
import { connectRig, median, startRig } from './engineSetup';

export interface MeasureRow {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

const RUNS = 9;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile());
}

async function rendererBytes(): Promise<number> {
  const dir = await buildRenderer();
  return filesUnder(dir)
    .filter((path) => /\.(js|css)$/.test(path))
    .reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0);
}

/** From navigation start to the totals table on screen, fed by the real engine's cached state. */
async function rendererTimeToStats(): Promise<number> {
  const rig = await startRig();
  await connectRig(rig);
  const controller = new PacebarController({ engine: rig.engine, consent: { window: noConsent, browser: noConsent } });
  await controller.init();
  const ok = { ok: true as const };
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      let started = 0;
      const dashboard = await openWithBridge(
        {
          getState: () => controller.state(),
          saveCredentials: () => ok,
          connect: () => ok,
          cancelConnect: () => ok,
          disconnect: () => ok,
          refresh: () => ok,
          updateSettings: () => ok,
          addGoal: () => ok,
          removeGoal: () => ok,
          openAthleteOnStrava: () => ok,
          openActivityOnStrava: () => ok,
          openStravaApiSettings: () => ok,
          quit: () => ok,
        },
        { beforeNavigate: async () => void (started = performance.now()) },
      );
      await dashboard.page.locator('#totals table').first().waitFor({ state: 'visible' });
      times.push(performance.now() - started);
      await dashboard.close();
    }
  } finally {
    await closeHarness();
    await rig.close();
  }
  return median(times);
}

function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

/** `pacebar status --offline` against `node -e 0`, interleaved so load affects both alike. */
async function cliOfflineRatio(): Promise<{ cliMs: number; nodeMs: number }> {
  timeCommand(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')], process.env);
  const rig = await startRig();
  await connectRig(rig);
  const env = { ...process.env, PACEBAR_CONFIG_DIR: rig.dir, STRAVA_BASE_URL: rig.sim.baseUrl };
  const cli = join(import.meta.dirname, '..', 'out', 'cli', 'pacebar.js');
  const cliTimes: number[] = [];
  const nodeTimes: number[] = [];
  try {
    timeCommand(process.execPath, [cli, 'status', '--offline'], env); // warm the file cache
    for (let run = 0; run < RUNS; run += 1) {
      nodeTimes.push(timeCommand(process.execPath, ['-e', '0'], env));
      cliTimes.push(timeCommand(process.execPath, [cli, 'status', '--offline'], env));
    }
  } finally {
    await rig.close();
  }
  return { cliMs: median(cliTimes), nodeMs: median(nodeTimes) };
}

export async function measure(): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  const bytes = await rendererBytes();
  rows.push({ measure: 'renderer JS + CSS, gzipped', value: `${(bytes / 1024).toFixed(1)} KB`, target: '≤ 40 KB', ok: bytes <= 40 * 1024 });
  const toStats = await rendererTimeToStats();
  rows.push({ measure: `renderer navigation → stats visible (median of ${RUNS})`, value: `${toStats.toFixed(0)} ms`, target: '—', ok: true });
  const cli = await cliOfflineRatio();
  const ratio = cli.cliMs / cli.nodeMs;
  rows.push({
    measure: `pacebar status --offline vs node -e 0 (median of ${RUNS})`,
    value: `${cli.cliMs.toFixed(0)} ms vs ${cli.nodeMs.toFixed(0)} ms = ×${ratio.toFixed(2)}`,
    target: '≤ ×2',
    ok: ratio <= 2,
  });
  return rows;
}

const noConsent = {
  prepare(): never {
    throw new Error('the benchmark does not sign in');
  },
};
