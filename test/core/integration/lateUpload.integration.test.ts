// An activity uploaded after a newer one (a watch syncing after the phone, a manual entry, a late
// Garmin push) starts before the newest known activity: the next poll still counts it, in one request.
import { afterEach, expect, it } from 'vitest';
import { connect, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const live = {
  connection: { kind: 'connected' as const },
  missingScopes: [],
  sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
  about: { version: '0.0.0-test', update: { kind: 'off' as const } },
};

it('a ride recorded this morning and synced after this afternoon\'s run is in the next poll\'s totals, for one request', async () => {
  h = await startHarness({ sim: { now: Date.UTC(2026, 10, 18, 17, 40), seed: 7 } });
  await connect(h);
  for (let guard = 0; guard < 200; guard++) {
    const outcome = await h.engine.historyStep();
    if (outcome.status === 'paced') h.sim.clock.set(outcome.retryAt + 1000);
    else if (outcome.status !== 'stepped') break;
  }
  const now = h.sim.clock.now();
  h.sim.addActivity({ sport_type: 'Run', distance: 10_000, moving_time: 3000, start: now - 2 * 3_600_000 });
  await h.engine.sync({ full: true });
  const before = h.engine.viewState(live).data!.stats.families.ride.totals.week;
  h.sim.addActivity({ sport_type: 'Ride', distance: 50_000, moving_time: 6000, start: now - 6 * 3_600_000 });
  h.sim.clock.set(now + 15 * 60_000);
  h.sim.clearRequests();
  await h.engine.sync();
  const after = h.engine.viewState(live).data!.stats.families.ride.totals.week;
  expect(after.distance - before.distance).toBe(50_000);
  expect(after.count - before.count).toBe(1);
  expect(h.sim.count({ path: '/api/v3/athlete/activities' })).toBe(1);
});
