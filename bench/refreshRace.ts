// The refresh race of issue 9 as a benchmark row: 2, 5 and 10 `pacebar status --refresh`
// processes and an engine at once, token answers 0–200 ms late (test/support/refreshRace.ts).
// Counts runs that lost the connection and refresh requests per burst. On Linux it runs in a
// private D-Bus session with a throwaway gnome-keyring, as `npm test` does; elsewhere in the login
// keychain under a throwaway service name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeasureRow } from './extraMeasures';

const PROCESSES = [2, 5, 10];
const LATENCIES = [0, 20, 40, 60, 100, 150, 200];

interface Tally {
  bursts: number;
  lost: number;
  refreshes: number[];
}

async function runHere(): Promise<Tally> {
  const { runBurst, startRaceWorld } = await import('../test/support/refreshRace');
  const world = await startRaceWorld();
  const tally: Tally = { bursts: 0, lost: 0, refreshes: [] };
  try {
    for (const processes of PROCESSES) {
      for (const latency of LATENCIES) {
        const result = await runBurst(world, processes, latency);
        tally.bursts += 1;
        if (result.reconnects > 0 || result.recordLost || result.failures.length > 0) tally.lost += 1;
        tally.refreshes.push(result.refreshes);
      }
    }
  } finally {
    await world.close();
  }
  return tally;
}

function runInPrivateKeyring(): Tally {
  const home = mkdtempSync(join(tmpdir(), 'pacebar-bench-keyring-'));
  const self = fileURLToPath(import.meta.url);
  const tsx = join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const inner = `export XDG_DATA_HOME='${home}'; echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec '${process.execPath}' '${tsx}' '${self}' --here`;
  const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  rmSync(home, { recursive: true, force: true });
  const line = run.stdout.split('\n').find((text) => text.startsWith('{'));
  if (!line) throw new Error(`refresh race did not run: ${run.stderr.slice(-500)}`);
  return JSON.parse(line) as Tally;
}

export async function refreshRaceRows(): Promise<MeasureRow[]> {
  const tally = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS ? runInPrivateKeyring() : await runHere();
  const oneEach = tally.refreshes.filter((count) => count === 1).length;
  return [
    {
      measure: `refresh race (${PROCESSES.join('/')} commands + engine, token answer 0–200 ms late): runs losing the connection`,
      value: `${tally.lost} of ${tally.bursts}`,
      target: '0',
      ok: tally.lost === 0,
    },
    {
      measure: 'refresh race: token requests per burst',
      value: `${Math.min(...tally.refreshes)}–${Math.max(...tally.refreshes)} (1 in ${oneEach} of ${tally.bursts})`,
      target: '1',
      ok: tally.refreshes.every((count) => count === 1),
    },
  ];
}

if (process.argv.includes('--here')) {
  console.log(JSON.stringify(await runHere()));
  process.exit(0);
}
