import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsDefaults } from '../../../core/domain';
import { commandLineTransport } from '../../../core/engine/createEngine';
import { PacebarEngine } from '../../../core/engine/engine';
import { HistoryRepository } from '../../../core/history/historyStore';
import { stravaEndpoints } from '../../../core/strava/endpoints';
import { memoryBackend, memoryStore } from '../../support/memory';

describe('removing a goal', () => {
  it('drops its goal-reached record, so a goal given the same id later is notified afresh; other records stay', async () => {
    const engine = new PacebarEngine({
      transport: commandLineTransport({}),
      endpoints: stravaEndpoints('http://127.0.0.1:9'),
      secrets: memoryBackend(),
      settingsStore: memoryStore({ ...settingsDefaults }),
      cacheStore: memoryStore<Record<string, unknown>>({}),
      history: new HistoryRepository(join(tmpdir(), `pacebar-remove-goal-${process.pid}-history.json`), { readOnly: true }),
    });
    engine.addGoal({ sport: 'ride', period: 'week', measure: 'distance', target: 150_000 });
    const second = engine.addGoal({ sport: 'run', period: 'month', measure: 'count', target: 12 });
    engine.settings.update({ notified: { goalReached: { '1': '2026-W47', [String(second.id)]: '2026-11' }, weeklySummary: '2026-W47' } });
    engine.removeGoal(second.id);
    expect(engine.settings.get().notified).toEqual({ goalReached: { '1': '2026-W47' }, weeklySummary: '2026-W47' });
    // The id is free again, and nothing says the new goal was notified.
    const again = engine.addGoal({ sport: 'swim', period: 'week', measure: 'distance', target: 5_000 });
    expect(again.id).toBe(second.id);
    expect(engine.settings.get().notified.goalReached[String(again.id)]).toBeUndefined();
    await engine.close();
  });
});
