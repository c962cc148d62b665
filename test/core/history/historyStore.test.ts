// The history file on disk: 0600, written atomically and only when its bytes change, a damaged
// file refused as a whole, and a lock left by a process that died taken over.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../core/domain';
import { decodeHistory, encodeHistory } from '../../../core/history/historyCodec';
import { emptyHistory } from '../../../core/history/historyData';
import { upsertActivities } from '../../../core/history/historyMerge';
import { DIGEST_FILE, HISTORY_FILE, HistoryRepository } from '../../../core/history/historyStore';
import { digestHistory, encodeDigest } from '../../../core/history/historyDigest';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pacebar-history-'));
  path = join(dir, HISTORY_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (id: number, extra: Partial<ActivityRecord> = {}): ActivityRecord => ({
  id, name: `Ride ${id} 🚴`, sportType: 'GravelRide', distance: 40_123.4, movingTime: 5_400, elapsedTime: 6_000, elevationGain: 321.5,
  start: 1_700_000_000_000 + id * 1000, startLocal: 1_700_003_600_000 + id * 1000, visibility: id % 2 ? 'only_me' : 'followers_only', ...extra,
});

describe('history codec', () => {
  it('round-trips every field', () => {
    const data = { ...emptyHistory(7), reads: { activities: true, private: true }, activities: [record(1), record(2, { sportType: 'Yoga', distance: 0 })] };
    data.walks.backfill = { before: 1_700_000_000, stopAt: null, startedAt: 5, completedAt: null, requests: 3 };
    const decoded = decodeHistory(encodeHistory(data));
    expect(decoded).toEqual({ ok: true, data });
  });

  it('refuses damage of any kind, naming no value', () => {
    const text = encodeHistory({ ...emptyHistory(7), activities: [record(1), record(2)] });
    const broken = [
      text.slice(0, 50),
      text.replace('"version":1', '"version":2'),
      text.replace(/"distance":\[[^\]]*\]/, '"distance":[1]'),
      text.replace(/"sportType":\[0,0\]/, '"sportType":[0,5]'),
      text.replace(/"id":\[(\d+),(\d+)\]/, '"id":[$1,$1]'),
      text.replace(/"distance":\[/, '"distance":[-5,'),
      '[]',
    ];
    for (const damaged of broken) expect(decodeHistory(damaged).ok, damaged.slice(0, 80)).toBe(false);
  });

  it('stays compact: about 80 bytes an activity', () => {
    const many = Array.from({ length: 1000 }, (_, i) => record(i + 1, { name: 'Morning Ride' }));
    expect(encodeHistory({ ...emptyHistory(7), activities: many }).length / 1000).toBeLessThan(100);
  });
});

describe('HistoryRepository', () => {
  it('writes a 0600 file atomically, and only when its content changes', async () => {
    const repo = new HistoryRepository(path);
    await repo.update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(1)]));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Every write is a new file renamed over the old one: an unchanged inode means no write.
    const inode = statSync(path).ino;
    await repo.update((data) => upsertActivities(data, [record(1)])); // the same again
    expect(statSync(path).ino).toBe(inode);
    await repo.update((data) => upsertActivities(data, [record(2)]));
    expect(statSync(path).ino).not.toBe(inode);
    // The history and its digest, both 0600; no temporary files or locks left.
    expect(readdirSync(dir).sort()).toEqual([DIGEST_FILE, HISTORY_FILE]);
    expect(statSync(join(dir, DIGEST_FILE)).mode & 0o777).toBe(0o600);
    expect(new HistoryRepository(path).read().activities.map((r) => r.id)).toEqual([2, 1]);
  });

  it('reads a damaged file as an empty history, says so, and the next write replaces it', async () => {
    writeFileSync(path, '{"format":"pacebar-history"', { mode: 0o600 });
    const repo = new HistoryRepository(path);
    expect(repo.readDetailed()).toMatchObject({ damaged: true, data: { activities: [] } });
    await repo.update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(3)]));
    expect(repo.readDetailed().damaged).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8')).format).toBe('pacebar-history');
  });

  it('sees another process\'s write (the file changed under it)', async () => {
    const mine = new HistoryRepository(path);
    const theirs = new HistoryRepository(path);
    expect(mine.read().activities).toEqual([]);
    await theirs.update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(4)]));
    expect(mine.read().activities.map((r) => r.id)).toEqual([4]);
  });

  it('two writers at once: every write merges into the other\'s, nothing is lost', async () => {
    const a = new HistoryRepository(path);
    const b = new HistoryRepository(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(i + 1)]))));
    expect(new HistoryRepository(path).read().activities).toHaveLength(20);
  });

  it('views read the digest of the current revision; a stale or damaged digest is not trusted', async () => {
    const repo = new HistoryRepository(path);
    await repo.update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(1), record(2)]));
    const earliest = 1_700_000_000_000 - 365 * 86_400_000;
    expect(repo.readDigest(earliest)).toMatchObject({ revision: 1, counted: 2 });
    // A digest of another revision (a crash between the two writes) is made again from the history.
    writeFileSync(repo.digestPath, encodeDigest({ ...digestHistory({ ...emptyHistory(7), activities: [record(9)] }), revision: 0 }));
    expect(new HistoryRepository(path).readDigest(earliest)).toMatchObject({ revision: 1, counted: 2 });
    writeFileSync(repo.digestPath, '{"format":"pacebar-history-digest"');
    expect(new HistoryRepository(path).readDigest(earliest).counted).toBe(2);
    // No history: nothing, whatever digest lies there.
    rmSync(path);
    writeFileSync(repo.digestPath, encodeDigest({ ...digestHistory({ ...emptyHistory(7), activities: [record(9)] }), revision: 1 }));
    expect(new HistoryRepository(path).readDigest(earliest).counted).toBe(0);
  });

  it('a read-only history refuses writes', async () => {
    await expect(new HistoryRepository(path, { readOnly: true }).update((data) => data)).rejects.toThrow(/read-only/);
  });
});

describe('the history\'s locks (the settings folder\'s, core/store/folderLock.ts)', () => {
  it('a write takes over a lock whose holder died (stale after 10 s)', async () => {
    mkdirSync(`${path}.lock`);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(`${path}.lock`, old, old);
    const repo = new HistoryRepository(path);
    await repo.update((data) => upsertActivities({ ...data, athleteId: 7 }, [record(5)]));
    expect(repo.read().activities.map((r) => r.id)).toEqual([5]);
  });

  it('a walk step answers "busy" at once while another process takes one', async () => {
    const app = new HistoryRepository(path);
    const cli = new HistoryRepository(path);
    let release: () => void = () => {};
    let holding: () => void = () => {};
    const locked = new Promise<void>((resolve) => (holding = resolve));
    const held = app.withStepLock(() => {
      holding();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await locked;
    await expect(cli.withStepLock(async () => 'second')).resolves.toEqual({ locked: false });
    release();
    await held;
    await expect(cli.withStepLock(async () => 'third')).resolves.toEqual({ locked: true, value: 'third' });
  });
});
