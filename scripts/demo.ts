// `npm run demo`: the app against the built-in Strava simulator, with demo API credentials and its
// own settings folder and keychain service, so a newcomer can click Connect Strava, approve the
// simulated consent page and see stats without a Strava account (and without touching a real one).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, startStravaSim } from '../sim/index';

// Eight years of every sport, so the demo shows the history being counted and a tab per sport.
const sim = await startStravaSim({ realTime: true, port: Number(process.env.PACEBAR_SIM_PORT ?? 0), history: { count: 3000, years: 8, timeZone: 'Europe/Oslo' } });
const configDir = process.env.PACEBAR_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'pacebar-demo-'));
const env = {
  ...process.env,
  STRAVA_BASE_URL: sim.baseUrl,
  PACEBAR_CONFIG_DIR: configDir,
  PACEBAR_KEYCHAIN_SERVICE: 'Pacebar Demo',
  PACEBAR_DEMO: '1',
  PACEBAR_DEMO_CLIENT_ID: DEMO_CLIENT.clientId,
  PACEBAR_DEMO_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
};

console.log(`Strava simulator: ${sim.baseUrl}`);
console.log(`Demo settings and cache: ${configDir} (keychain service "Pacebar Demo")`);
console.log('The same account from a terminal, once connected:');
console.log(`  STRAVA_BASE_URL=${sim.baseUrl} PACEBAR_CONFIG_DIR=${configDir} PACEBAR_KEYCHAIN_SERVICE="Pacebar Demo" npx pacebar status`);

const electronVite = join('node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const app = spawn(process.execPath, [electronVite, 'preview'], { env, stdio: 'inherit' });

const stop = async (code: number) => {
  await sim.close();
  process.exit(code);
};
process.on('SIGINT', () => app.kill('SIGINT'));
process.on('SIGTERM', () => app.kill('SIGTERM'));
app.on('exit', (code) => {
  if (code) {
    console.error(
      'pacebar demo: the app did not start (see the lines above). The simulator also works with the `pacebar` command (see README).',
    );
  }
  void stop(code ?? 0);
});
