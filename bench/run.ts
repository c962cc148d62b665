// `npm run bench`: one table of what Pacebar costs Strava and the machine, reproducible anywhere.
import { connectOverheadRatio, connectRequests, readsPerDay, requestsPerDayWhileInactive, requestsWhileRateLimited } from './requestBudgets';

interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

const rows: Row[] = [];
const add = (measure: string, value: string, target: string, ok: boolean) => {
  rows.push({ measure, value, target, ok });
  console.error(`  measured: ${measure}`);
};

const connect = await connectRequests();
add('requests for a full connect', String(connect), '≤ 4', connect <= 4);

const day = await readsPerDay();
add('read requests in one simulated day (15-min polls, 1 new activity)', String(day), '≤ 110', day <= 110);

const limited = await requestsWhileRateLimited();
add('requests sent while rate limited', String(limited), '0', limited === 0);

const inactive = await requestsPerDayWhileInactive();
add('requests in one simulated day while the API application is inactive', String(inactive), '≤ 25', inactive <= 25);

const overhead = await connectOverheadRatio();
add(
  'engine connect vs raw undici (median of 9)',
  `${overhead.engineMs.toFixed(1)} ms vs ${overhead.rawMs.toFixed(1)} ms = ×${overhead.ratio.toFixed(2)}`,
  '≤ ×1.2',
  overhead.ratio <= 1.2,
);

const history = await import('./historyMeasures');
for (const row of await history.measure()) add(row.measure, row.value, row.target, row.ok);

const { refreshRaceRows } = await import('./refreshRace');
for (const row of await refreshRaceRows()) add(row.measure, row.value, row.target, row.ok);

const extra = await import('./extraMeasures').catch(() => null);
if (extra) for (const row of await extra.measure()) add(row.measure, row.value, row.target, row.ok);

const width = Math.max(...rows.map((r) => r.measure.length));
const valueWidth = Math.max(...rows.map((r) => r.value.length));
console.log(`| ${'measure'.padEnd(width)} | ${'value'.padEnd(valueWidth)} | target | |`);
console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(valueWidth + 2)}|--------|---|`);
for (const row of rows) {
  console.log(`| ${row.measure.padEnd(width)} | ${row.value.padEnd(valueWidth)} | ${row.target.padEnd(6)} | ${row.ok ? 'ok' : 'MISSED'} |`);
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
