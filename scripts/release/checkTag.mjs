#!/usr/bin/env node
// The release workflow's guard: the tag being released must be "v" + package.json's version, so the
// installers, their update metadata and the GitHub release all carry one version. Prints one line
// and exits 1 when they differ; otherwise writes version=… to $GITHUB_OUTPUT for the later jobs.
// Usage: node scripts/release/checkTag.mjs <tag> [path/to/package.json]
import { appendFileSync, readFileSync } from 'node:fs';

// electron-updater refuses versions that are not semver (AppUpdater: ERR_UPDATER_INVALID_VERSION).
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function fail(line) {
  // On GitHub Actions the line becomes an error annotation on the run.
  console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${line}` : line);
  process.exit(1);
}

const tag = process.argv[2] ?? '';
const packageFile = process.argv[3] ?? new URL('../../package.json', import.meta.url);
let version;
try {
  version = JSON.parse(readFileSync(packageFile, 'utf8')).version;
} catch {
  fail(`Cannot read the version from ${packageFile}.`);
}
if (typeof version !== 'string' || !SEMVER.test(version)) fail(`package.json's version ${JSON.stringify(version)} is not a semantic version (like 1.2.3).`);
if (tag !== `v${version}`) fail(`Tag ${tag || '(none)'} does not match package.json's version ${version}: release it as tag v${version}, or bump the version first.`);

if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `version=${version}\n`);
console.log(`Releasing Pacebar ${version} from tag ${tag}.`);
