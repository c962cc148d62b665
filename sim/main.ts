// Standalone simulator for `npm run sim` and the demo: npx tsx sim/main.ts [--port N]
import { DEMO_CLIENT, startStravaSim } from './index';

function portArg(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return 0;
  const raw = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port ${String(raw)}`);
    process.exit(2);
  }
  return port;
}

// Real-time clock: in an interactive demo tokens should expire and rate windows reset as on Strava.
// Eight years of every sport and visibility: what the history's backfill is made for.
const sim = await startStravaSim({ port: portArg(process.argv.slice(2)), realTime: true, history: { count: 3000, years: 8, timeZone: 'Europe/Oslo' } });
console.log(`Strava simulator on ${sim.baseUrl} (client id ${DEMO_CLIENT.clientId}, secret ${DEMO_CLIENT.clientSecret})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
