// The history file (history.json beside settings and cache), shared by the app and the `pacebar`
// command. Written atomically (a temporary file renamed over it, 0600) and only when its bytes
// change; every write is a merge under a cross-process lock: the writer re-reads the file, applies
// its change to what is there now, and writes, so two processes syncing at once lose nothing.
// A damaged file reads as an empty history, which the next sync rebuilds. Beside it, the digest
// the views read (historyDigest.ts), written after it with the same revision.
import { closeSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { STORE_FILE_MODE } from '../store/storeFiles';
import { basename, dirname } from 'node:path';
import { folderLock, type FolderLock } from '../store/folderLock';
import { decodeHistory, encodeHistory, revisionOf } from './historyCodec';
import { emptyHistory, type HistoryData } from './historyData';
import { decodeDigest, digestCovers, digestHistory, encodeDigest, type HistoryDigest } from './historyDigest';

export const HISTORY_FILE = 'history.json';
export const DIGEST_FILE = 'history-digest.json';

/** A writer waits this long for another's write (a write holds the lock for milliseconds). */
const WRITE_WAIT_MS = 30_000;

export interface HistoryRead {
  data: HistoryData;
  /** The file was there but could not be trusted (it is rebuilt). */
  damaged: boolean;
}

interface Snapshot extends HistoryRead {
  /** What identifies the file's version on disk; null when there is no file. */
  stamp: string | null;
  text: string | null;
}

function stampOf(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

export class HistoryRepository {
  private cached: Snapshot | null = null;
  private cachedDigest: { stamp: string | null; digest: HistoryDigest | null } | null = null;
  readonly digestPath: string;

  private readonly lock: FolderLock;
  private readonly name: string;

  constructor(
    readonly path: string,
    private readonly options: { readOnly?: boolean; lock?: FolderLock } = {},
  ) {
    this.digestPath = path.replace(/\.json$/, '') + '-digest.json';
    // The settings folder's lock (issue 9's, also around the token refresh), on this file's name.
    this.lock = options.lock ?? folderLock(dirname(path));
    this.name = basename(path);
  }

  /**
   * The digest for views at a moment whose week, last 28 days and chart begin no earlier than
   * `earliest` (epoch ms): the digest file when it is of the history's current revision and
   * reaches back that far (a few kilobytes to read), else made from the history itself.
   */
  readDigest(earliest: number): HistoryDigest {
    const revision = this.revision();
    if (revision !== null) {
      const digest = this.storedDigest();
      if (digest && digest.revision === revision && digestCovers(digest, earliest)) return digest;
    }
    return digestHistory(this.read(), earliest);
  }

  /** The history as it is on disk now (decoded again only when the file changed). */
  read(): HistoryData {
    return this.snapshot().data;
  }

  readDetailed(): HistoryRead {
    const { data, damaged } = this.snapshot();
    return { data, damaged };
  }

  /**
   * Applies `change` to the file's current content under the lock and writes the result if its
   * bytes differ. `change` gets a fresh copy and must not keep it.
   */
  async update(change: (current: HistoryData) => HistoryData): Promise<HistoryData> {
    if (this.options.readOnly) throw new Error(`${this.path} was opened read-only`);
    // Loaded on the first write: reading the history needs neither the lock nor atomically.
    const { writeFileSync } = await import('atomically');
    return this.lock.withLock(this.name, async () => {
      this.cached = null; // another process may have written since we looked
      const current = this.snapshot();
      const changed = change(structuredCopy(current.data));
      // Unchanged content encodes to the same bytes: then nothing is written at all.
      if (encodeHistory({ ...changed, revision: current.data.revision }) === current.text) return changed;
      const next = { ...changed, revision: current.data.revision + 1 };
      writeFileSync(this.path, encodeHistory(next), { mode: STORE_FILE_MODE, fsync: true });
      // After the history: a crash between the two leaves a digest of the old revision, never trusted.
      writeFileSync(this.digestPath, encodeDigest(digestHistory(next)), { mode: STORE_FILE_MODE, fsync: true });
      this.cached = null;
      return next;
    }, AbortSignal.timeout(WRITE_WAIT_MS));
  }

  /**
   * Runs one walk step while no other process runs one: answers { locked: false } at once when
   * another holds it (the app and the CLI never walk the same pages twice).
   */
  withStepLock<T>(work: () => Promise<T>) {
    return this.lock.tryWithLock(`${this.name}.step`, work);
  }

  /** Logout: the history is the account's data. */
  async clear(): Promise<void> {
    if (this.options.readOnly) throw new Error(`${this.path} was opened read-only`);
    await this.lock.withLock(
      this.name,
      async () => {
        rmSync(this.path, { force: true });
        rmSync(this.digestPath, { force: true });
      },
      AbortSignal.timeout(WRITE_WAIT_MS),
    );
    this.cached = null;
    this.cachedDigest = null;
  }

  /** The history file's revision from its first bytes, null without a readable file. */
  private revision(): number | null {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return null;
    }
    try {
      const head = Buffer.alloc(160);
      const bytes = readSync(fd, head, 0, head.length, 0);
      return revisionOf(head.subarray(0, bytes).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  }

  private storedDigest(): HistoryDigest | null {
    const stamp = stampOf(this.digestPath);
    if (this.cachedDigest && this.cachedDigest.stamp === stamp) return this.cachedDigest.digest;
    let digest: HistoryDigest | null = null;
    try {
      digest = decodeDigest(readFileSync(this.digestPath, 'utf8'));
    } catch {
      digest = null;
    }
    this.cachedDigest = { stamp, digest };
    return digest;
  }

  private snapshot(): Snapshot {
    const stamp = stampOf(this.path);
    if (this.cached && this.cached.stamp === stamp) return this.cached;
    let text: string | null = null;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      text = null;
    }
    const decoded = text === null ? null : decodeHistory(text);
    const snapshot: Snapshot = decoded?.ok
      ? { data: decoded.data, damaged: false, stamp, text }
      : { data: emptyHistory(), damaged: decoded !== null, stamp, text };
    this.cached = snapshot;
    return snapshot;
  }
}

function structuredCopy(data: HistoryData): HistoryData {
  return {
    revision: data.revision,
    athleteId: data.athleteId,
    reads: data.reads ? { ...data.reads } : null,
    activities: data.activities.slice(),
    walks: { backfill: { ...data.walks.backfill }, recent: { ...data.walks.recent }, rescan: { ...data.walks.rescan } },
  };
}
