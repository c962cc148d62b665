import { randomBytes } from 'node:crypto';

/** Seeded PRNG (mulberry32): same seed, same activities, so tests and screenshots are stable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Secrets must be unguessable even in the sim: leak scans look for them verbatim in logs and files. */
export function randomHex40(): string {
  return randomBytes(20).toString('hex');
}

export function between(rand: () => number, min: number, max: number): number {
  return min + (max - min) * rand();
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
}
