// The GitHub workflows, offline: every file against the GitHub Actions workflow schema (SchemaStore's,
// as bundled by @action-validator/core), then what release.yml must do: build on the right runners,
// refuse a tag that is not package.json's version, test before packaging, keep secrets in the steps
// that need them, and publish one draft release. The workflow itself can only run on GitHub.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const RELEASE = join(WORKFLOWS, 'release.yml');
const CHECK_TAG = join(ROOT, 'scripts/release/checkTag.mjs');

const step = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
type Step = z.infer<typeof step>;
const job = z.object({
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  'runs-on': z.string(),
  permissions: z.record(z.string(), z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  strategy: z.object({ matrix: z.object({ include: z.array(z.record(z.string(), z.string())) }) }).optional(),
  steps: z.array(step),
});
const workflow = z.object({
  on: z.object({
    push: z.object({ tags: z.array(z.string()) }).optional(),
    workflow_dispatch: z.object({ inputs: z.record(z.string(), z.object({ required: z.boolean().optional(), type: z.string().optional() })) }).optional(),
  }),
  permissions: z.record(z.string(), z.string()),
  env: z.record(z.string(), z.string()).optional(),
  jobs: z.record(z.string(), job),
});

const release = workflow.parse(load(readFileSync(RELEASE, 'utf8')));
const jobs = release.jobs;
const needsOf = (name: string) => [jobs[name]?.needs ?? []].flat();
const text = (s: Step) => `${s.uses ?? ''} ${s.run ?? ''}`;
const indexOf = (steps: Step[], matches: (s: Step) => boolean) => steps.findIndex(matches);

describe('GitHub workflows: schema', () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

  it.each(files)('%s is a valid GitHub Actions workflow', (name) => {
    const result = validateWorkflow(readFileSync(join(WORKFLOWS, name), 'utf8'));
    expect(result.errors).toEqual([]);
  });

  it('the validator rejects a broken workflow, so the check above can fail', () => {
    const yml = readFileSync(RELEASE, 'utf8');
    for (const [from, to] of [
      ['      - run: npm ci\n', '      - rn: npm ci\n'],
      ['  contents: read\n', '  contents: reed\n'],
      ['    timeout-minutes: 60', '    timeout-minutes: sixty'],
    ] as const) {
      expect(yml).toContain(from);
      expect(validateWorkflow(yml.replace(from, to)).errors.length, to.trim()).toBeGreaterThan(0);
    }
  });

  it('and names no job it does not define (the schema cannot see that)', () => {
    for (const file of files) {
      const graph = z.object({ jobs: z.record(z.string(), z.object({ needs: z.union([z.string(), z.array(z.string())]).optional() })) });
      const { jobs: defined } = graph.parse(load(readFileSync(join(WORKFLOWS, file), 'utf8')));
      const names = Object.keys(defined);
      for (const [name, definition] of Object.entries(defined)) {
        for (const need of [definition.needs ?? []].flat()) expect(names, `${file}: ${name} needs ${need}`).toContain(need);
      }
    }
  });
});

describe('release.yml', () => {
  it('runs on a pushed v* tag, and by hand for a given tag', () => {
    expect(release.on.push?.tags).toEqual(['v*']);
    expect(release.on.workflow_dispatch?.inputs.tag).toMatchObject({ required: true, type: 'string' });
    expect(release.env?.RELEASE_TAG).toBe('${{ inputs.tag || github.ref_name }}');
    // Every job builds the tag itself, not whatever branch a manual run was started from.
    for (const [name, definition] of Object.entries(jobs)) {
      const checkout = definition.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.ref, name).toBe('refs/tags/${{ env.RELEASE_TAG }}');
    }
  });

  it('builds macOS for Apple silicon and Intel, Windows and Linux, each on its own runner', () => {
    const matrix = jobs.build?.strategy?.matrix.include ?? [];
    expect(matrix.map(({ id, os, platform, arch }) => ({ id, os, platform, arch }))).toEqual([
      { id: 'mac-arm64', os: 'macos-15', platform: 'mac', arch: 'arm64' },
      { id: 'mac-x64', os: 'macos-15-intel', platform: 'mac', arch: 'x64' },
      { id: 'win-x64', os: 'windows-latest', platform: 'win', arch: 'x64' },
      { id: 'linux-x64', os: 'ubuntu-22.04', platform: 'linux', arch: 'x64' },
    ]);
    expect(jobs.build?.['runs-on']).toBe('${{ matrix.os }}');
    // npm test needs a browser for the dashboard tests: each runner image's own Chrome.
    for (const entry of matrix) expect(entry.chromium, entry.id).toMatch(/chrome/i);
    expect(jobs.build?.env?.PACEBAR_CHROMIUM).toBe('${{ matrix.chromium }}');
  });

  it('checks the tag against package.json first; nothing is built or released past a mismatch', () => {
    const guard = jobs.guard!;
    const check = guard.steps.find((s) => s.id === 'check');
    expect(check?.run).toBe('node scripts/release/checkTag.mjs "$RELEASE_TAG"');
    // checkTag.mjs needs nothing installed: it runs before npm ci anywhere.
    expect(guard.steps.some((s) => s.run?.includes('npm ci'))).toBe(false);
    expect(needsOf('build')).toEqual(['guard']);
    expect(needsOf('release')).toEqual(['guard', 'build']);
    expect(jobs.release?.env?.VERSION).toBe('${{ needs.guard.outputs.version }}');
  });

  it('runs the whole npm test on each OS before anything is packaged', () => {
    const steps = jobs.build!.steps;
    const install = indexOf(steps, (s) => s.run === 'npm ci');
    const test = indexOf(steps, (s) => s.run === 'npm test');
    const build = indexOf(steps, (s) => s.run === 'npm run build');
    const packaging = steps.map((s, index) => (text(s).includes('electron-builder') ? index : -1)).filter((index) => index >= 0);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(install);
    expect(build).toBeGreaterThan(test);
    expect(packaging.length).toBe(5);
    expect(Math.min(...packaging)).toBeGreaterThan(build);
    // No step on the way may skip the tests' failure.
    for (const s of steps.slice(0, Math.min(...packaging))) expect(s.if ?? '', s.name ?? s.run).not.toMatch(/always\(\)|failure\(\)/);
  });

  it('packages exactly one platform and arch per runner, never publishing from a build job', () => {
    const packaging = jobs.build!.steps.filter((s) => text(s).includes('electron-builder'));
    for (const s of packaging) {
      expect(s.run).toMatch(/^npx electron-builder --(mac|win|linux) --\$\{\{ matrix\.arch \}\} --publish never$/);
      const platform = /--(mac|win|linux)/.exec(s.run ?? '')![1];
      expect(s.if, s.name).toContain(`matrix.platform == '${platform}'`);
    }
    // Signed and unsigned variants exclude each other.
    const conditions = packaging.map((s) => s.if);
    expect(conditions).toEqual([
      "matrix.platform == 'mac' && env.MAC_SIGNING == 'true'",
      "matrix.platform == 'mac' && env.MAC_SIGNING != 'true'",
      "matrix.platform == 'win' && env.WIN_SIGNING == 'true'",
      "matrix.platform == 'win' && env.WIN_SIGNING != 'true'",
      "matrix.platform == 'linux'",
    ]);
  });

  it('gives signing secrets only to the step that signs with them, and stamps signed builds first', () => {
    const steps = jobs.build!.steps;
    const secretsIn = (s: Step) => Object.values(s.env ?? {}).filter((value) => value.includes('secrets.'));
    const signedMac = steps.find((s) => s.name === 'Package (macOS, signed and notarised)')!;
    const signedWin = steps.find((s) => s.name === 'Package (Windows, signed)')!;
    expect(Object.keys(signedMac.env ?? {}).sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK']);
    expect(Object.keys(signedWin.env ?? {}).sort()).toEqual(['WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK']);
    for (const s of steps) if (s !== signedMac && s !== signedWin) expect(secretsIn(s), s.name ?? s.run).toEqual([]);
    // The job only learns whether a certificate exists, as a boolean.
    expect(jobs.build!.env).toMatchObject({ MAC_SIGNING: "${{ secrets.CSC_LINK != '' }}", WIN_SIGNING: "${{ secrets.WIN_CSC_LINK != '' }}" });
    expect(steps.find((s) => s.name === 'Package (macOS, unsigned)')?.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    const stamp = indexOf(steps, (s) => s.run === 'npm pkg set pacebarBuild.signed=true --json');
    expect(stamp).toBeGreaterThan(indexOf(steps, (s) => s.run === 'npm run build'));
    expect(stamp).toBeLessThan(indexOf(steps, (s) => text(s).includes('electron-builder')));
    expect(steps[stamp]!.if).toBe("(matrix.platform == 'mac' && env.MAC_SIGNING == 'true') || (matrix.platform == 'win' && env.WIN_SIGNING == 'true')");
  });

  it('uploads the installers with their update metadata, and one job drafts the release with SHA256SUMS', () => {
    const upload = jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    const paths = String(upload.with?.path).trim().split('\n');
    expect(paths).toEqual(expect.arrayContaining(['dist/*.dmg', 'dist/*.zip', 'dist/*.exe', 'dist/*.AppImage', 'dist/*.deb', 'dist/*.blockmap', 'dist/latest*.yml']));
    expect(upload.with?.['if-no-files-found']).toBe('error');
    // Write access only where the release is made; the token only in the step that uses it.
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(jobs.release?.permissions).toEqual({ contents: 'write' });
    for (const [name, definition] of Object.entries(jobs)) if (name !== 'release') expect(definition.permissions, name).toBeUndefined();
    const steps = jobs.release!.steps;
    const assemble = steps.find((s) => s.run?.includes('scripts/release/assembleRelease.ts'))!;
    expect(assemble.run).toContain('--to release');
    const publish = steps.at(-1)!;
    expect(publish.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(publish.run).toContain('gh release create "$RELEASE_TAG" release/* --draft --verify-tag');
    // A published release is never overwritten.
    expect(publish.run).toContain('is already published');
    for (const s of steps.slice(0, -1)) expect(s.env?.GH_TOKEN, s.name ?? s.run).toBeUndefined();
  });
});

describe('scripts/release/checkTag.mjs (the guard the release runs first)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pacebar-tag-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function check(tag: string, version: unknown, env: NodeJS.ProcessEnv = {}) {
    const pkg = join(scratch, `package-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(pkg, JSON.stringify({ name: 'pacebar', version }));
    const output = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const run = spawnSync(process.execPath, [CHECK_TAG, tag, pkg], { encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env } });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: readFileSync(output, 'utf8') };
  }

  it('v + package.json’s version passes and hands the version to the later jobs', () => {
    const run = check('v1.2.3', '1.2.3');
    expect(run.status).toBe(0);
    expect(run.output).toBe('version=1.2.3\n');
    expect(run.stderr).toBe('');
    expect(check('v2.0.0-beta.1', '2.0.0-beta.1').output).toBe('version=2.0.0-beta.1\n');
  });

  it.each([
    ['v1.2.4', '1.2.3', "Tag v1.2.4 does not match package.json's version 1.2.3: release it as tag v1.2.3, or bump the version first."],
    ['1.2.3', '1.2.3', "Tag 1.2.3 does not match package.json's version 1.2.3: release it as tag v1.2.3, or bump the version first."],
    ['', '1.2.3', "Tag (none) does not match package.json's version 1.2.3: release it as tag v1.2.3, or bump the version first."],
    ['v1.2', '1.2', `package.json's version "1.2" is not a semantic version (like 1.2.3).`],
  ])('tag %s with version %s fails with one line', (tag, version, line) => {
    const run = check(tag, version);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.output).toBe('');
  });

  it('on GitHub Actions the line is an error annotation', () => {
    const run = check('v9.9.9', '1.0.0', { GITHUB_ACTIONS: 'true' });
    expect(run.stderr).toBe("::error::Tag v9.9.9 does not match package.json's version 1.0.0: release it as tag v1.0.0, or bump the version first.\n");
  });

  it('checks the repository’s own package.json by default', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = spawnSync(process.execPath, [CHECK_TAG, `v${version}`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Releasing Pacebar ${version} from tag v${version}.\n`);
  });
});
