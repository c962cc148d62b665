#!/usr/bin/env node
// The one test command: typecheck, then the vitest suite. On Linux the suite runs inside a private
// D-Bus session with a fresh, unlocked gnome-keyring so keychain tests use a real Secret Service;
// macOS and Windows already have a login keychain. Prints the plain totals line CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extraArgs = process.argv.slice(2);
const resultsDir = mkdtempSync(join(tmpdir(), 'pacebar-test-'));
const resultsFile = join(resultsDir, 'vitest.json');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

// Run the tools' own entry points with this Node: no npm/npx shims, so it works alike on Windows.
const tsc = ['node_modules/typescript/bin/tsc', '--noEmit', '-p'];
const projects = ['tsconfig.json', 'renderer/tsconfig.json', 'test/renderer/tsconfig.json'];
const typecheckFailed = projects.every((project) => run(process.execPath, [...tsc, project]) === 0) ? 0 : 1;
if (typecheckFailed) console.error('typecheck failed');

const vitestArgs = [
  'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs,
];
let vitestStatus;
if (process.platform === 'linux' && !process.env.PACEBAR_TEST_NO_DBUS) {
  const keyringHome = mkdtempSync(join(tmpdir(), 'pacebar-keyring-'));
  const inner = [
    `export XDG_DATA_HOME='${keyringHome}'`,
    'echo -n pacebar-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
    `exec ${[process.execPath, ...vitestArgs].map((a) => `'${a}'`).join(' ')}`,
  ].join('; ');
  vitestStatus = run('dbus-run-session', ['--', 'sh', '-c', inner]);
  rmSync(keyringHome, { recursive: true, force: true });
} else {
  vitestStatus = run(process.execPath, vitestArgs);
}

let passed = 0, failed = 0, skipped = 0;
try {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // Failed tests, plus each test file that failed without a failing test (it did not even load).
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} catch {
  failed += 1;
  console.error('vitest wrote no results: the suite did not run');
}
rmSync(resultsDir, { recursive: true, force: true });
// Vitest failed with every test green: unhandled errors or a crashed worker. That is a failure too.
if (vitestStatus !== 0 && failed === 0) {
  failed = 1;
  console.error('vitest failed outside any test (unhandled errors or a crashed worker): see above');
}
// The typecheck counts as one check of its own.
if (typecheckFailed) failed += 1; else passed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || vitestStatus !== 0 ? 1 : 0);
