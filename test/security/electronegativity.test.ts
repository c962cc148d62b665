// Electronegativity (Doyensec's Electron security linter) over main/, preload/ and renderer/.
// Fails on any HIGH or MEDIUM finding that is not TENTATIVE. Suppressions are `eng-disable` comments
// at the line they concern, each with its reason next to it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const BIN = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
// Without it the tool spends seconds of real time retrying network requests the scan does not need.
const OFFLINE = join(import.meta.dirname, 'support/offline-got.cjs');

/** Runs Electronegativity over one folder, writing its CSV report; resolves with its exit code and stderr. */
function electronegativity(input: string, report: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', OFFLINE, BIN, '-i', input, '-o', report, '-r', '-e', ELECTRON_VERSION], { encoding: 'utf8', timeout: 120_000 }, (error, _stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
    });
  });
}

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

/** Minimal CSV reader for electronegativity's output (quoted fields may hold commas). */
function parseCsv(text: string): Finding[] {
  const rows = text.trim().split('\n').slice(1);
  return rows.map((row) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const char of row) {
      if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    return { issue: cells[0] ?? '', severity: cells[1] ?? '', confidence: cells[2] ?? '', file: cells[3] ?? '', location: cells[4] ?? '' };
  });
}

/** Scans a copy of `sources` (paths under `from`) as one input folder; resolves with the tool's findings. */
async function scan(from: string, sources: string[]): Promise<{ status: number | null; stderr: string; findings: Finding[] }> {
  const work = mkdtempSync(join(tmpdir(), 'pacebar-eng-'));
  try {
    // A copy of the source folders (not build output): the tool reads .ts directly.
    for (const source of sources) cpSync(join(from, source), join(work, 'src', source), { recursive: true });
    const report = join(work, 'report.csv');
    const run = await electronegativity(join(work, 'src'), report);
    return { ...run, findings: existsSync(report) ? parseCsv(readFileSync(report, 'utf8')) : [] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Both scans are about a second of CPU each: run them side by side, once, before the checks.
let app: Awaited<ReturnType<typeof scan>>;
let insecure: Awaited<ReturnType<typeof scan>>;
beforeAll(async () => {
  [app, insecure] = await Promise.all([scan(ROOT, ['main', 'preload', 'renderer']), scan(import.meta.dirname, ['fixtures'])]);
}, 120_000);

describe('Electronegativity', () => {
  it('finds no HIGH or MEDIUM issue that is not tentative in main/, preload/ and renderer/', () => {
    expect(app.status, app.stderr).toBe(0);
    // The scan really ran: it always reports the tentative openExternal reviews we accept.
    expect(app.findings.length).toBeGreaterThan(0);
    const blocking = app.findings.filter((f) => /HIGH|MEDIUM/.test(f.severity) && f.confidence !== 'TENTATIVE');
    expect(blocking.map((f) => `${f.issue} ${f.file}:${f.location}`)).toEqual([]);
  });

  it('would fail on an insecure window (the gate can fail)', () => {
    expect(insecure.findings.some((f) => f.issue === 'CONTEXT_ISOLATION_JS_CHECK' && f.severity === 'HIGH' && f.confidence !== 'TENTATIVE')).toBe(true);
  });
});
