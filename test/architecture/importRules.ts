// The architecture's import rules, as a checker that runs over any folder laid out like Pacebar's
// (the real tree, or a fixture with planted violations: the rules must be able to fail).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The engine's layers, lowest first. A file may import from its own layer or lower ones, never
 * from a higher one. Files at core/'s root and core/security/ are the vocabulary everyone shares.
 */
export const CORE_LAYERS: readonly (readonly string[])[] = [
  ['domain.ts', 'errors.ts', 'clock.ts', 'security'], // vocabulary
  ['strava'], // Strava's addresses and wire models, decoded
  ['stats', 'goals', 'api'], // pure figures and goal arithmetic; HTTP, rate budget, the three reads
  ['keychain', 'store', 'history'], // where tokens, settings, cache and the activity history are kept
  ['oauth'], // authorize URL, redirect, token endpoint, sign-in runners
  ['session'], // a valid token for many callers
  ['account', 'sync'], // the API application; one poll into the cache
  ['view'], // the view model every surface renders
  ['engine'], // the engine and its factory
  ['controller'], // the app's connection state and scheduler
];

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Every module specifier in `text`: `from '…'` (import, import type, export … from), a bare
 * `import '…'`, `import('…')`, `require('…')` (also `import x = require('…')`), and any call whose
 * only argument is a string naming electron or electron-store (a renamed require).
 */
export function specifiers(text: string): { specifier: string; typeOnly: boolean; line: number }[] {
  const found: { specifier: string; typeOnly: boolean; line: number }[] = [];
  const patterns = [
    /\b(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?(['"`])([^'"`\n]+)\3/g,
    /\b(?:import|require)\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
    /\(\s*(['"`])(electron|electron-store|electron\/[^'"`\n]*)\1\s*\)/g,
  ];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(patterns[0]!)) {
    const typeOnly = Boolean(match[2]);
    found.push({ specifier: match[4]!, typeOnly, line: lineOf(match.index ?? 0) });
  }
  for (const pattern of patterns.slice(1)) {
    for (const match of text.matchAll(pattern)) {
      const line = lineOf(match.index ?? 0);
      // import('x') matches both the import() and the one-string-argument call pattern: count it once.
      if (!found.some((seen) => seen.specifier === match[2] && seen.line === line)) found.push({ specifier: match[2]!, typeOnly: false, line });
    }
  }
  return found;
}

export function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

const posix = (path: string) => path.split('\\').join('/');

/** The layer of a path under core/ ("core/oauth/tokenClient.ts" → 4), or null outside core. */
export function coreLayer(repoPath: string): number | null {
  const match = /^core\/(.+)$/.exec(repoPath);
  if (!match) return null;
  const [first] = match[1]!.split('/');
  const index = CORE_LAYERS.findIndex((layer) => layer.includes(first!));
  return index === -1 ? null : index;
}

const ELECTRON = /^(?:electron|electron-store)(?:\/.*)?$/;

/** The file a relative specifier names, with its extension ("core/view/format" → "core/view/format.ts"). */
function sourceOf(root: string, repoPath: string): string | null {
  const candidates = SOURCE.test(repoPath) ? [repoPath] : [`${repoPath}.ts`, `${repoPath}/index.ts`];
  return candidates.find((candidate) => {
    try {
      return statSync(join(root, candidate)).isFile();
    } catch {
      return false;
    }
  }) ?? null;
}

/**
 * What the renderer may share with the engine: a file under core/view/ that imports nothing but
 * types (core/view/format.ts, the one wording of distances, durations and "ago"). Anything it
 * loaded at run time would come into the sandboxed page with it.
 */
export function rendererMayImport(root: string, target: string): { ok: true } | { ok: false; why: string } {
  if (!target.startsWith('core/view/')) return { ok: false, why: 'not under core/view/' };
  const file = sourceOf(root, target);
  if (!file) return { ok: false, why: 'no such file' };
  const loaded = specifiers(readFileSync(join(root, file), 'utf8')).filter((found) => !found.typeOnly);
  return loaded.length === 0 ? { ok: true } : { ok: false, why: `${file} imports ${loaded[0]!.specifier} at run time` };
}

/** Every broken rule in the tree at `root`, as "file:line: why". Empty when the architecture holds. */
export function violations(root: string): string[] {
  const out: string[] = [];
  const folders = ['core', 'main', 'preload', 'renderer', 'cli'];
  for (const folder of folders) {
    for (const file of sourceFiles(join(root, folder)).sort()) {
      const from = posix(relative(root, file));
      const text = readFileSync(file, 'utf8');
      if (from.startsWith('core/') && coreLayer(from) === null) out.push(`${from}: in no layer of CORE_LAYERS (add its folder to one)`);
      for (const { specifier, typeOnly, line } of specifiers(text)) {
        const where = `${from}:${line}`;
        const target = specifier.startsWith('.') ? posix(relative(root, resolve(dirname(file), specifier))) : null;
        const top = target?.split('/')[0] ?? null;
        if (from.startsWith('core/')) {
          if (ELECTRON.test(specifier)) out.push(`${where}: core must not import ${specifier}`);
          if (top && top !== 'core') out.push(`${where}: core must not import from ${top}/`);
          const mine = coreLayer(from);
          const theirs = target ? coreLayer(target.replace(/(\.[cm]?[jt]sx?)?$/, '.ts')) : null;
          if (mine !== null && theirs !== null && theirs > mine) {
            out.push(`${where}: ${CORE_LAYERS[mine]!.join('/')} (layer ${mine}) must not import ${target} (layer ${theirs})`);
          }
        }
        if (from.startsWith('renderer/')) {
          const contract = target === 'preload/contract' || target === 'preload/contract.ts';
          if (top === 'renderer' || (contract && typeOnly)) continue;
          const shared = target ? rendererMayImport(root, target) : null;
          if (shared?.ok) continue;
          if (target?.startsWith('core/view/') && shared && !shared.ok) out.push(`${where}: the renderer may import from core/view/ only files that import nothing but types (${shared.why})`);
          else out.push(`${where}: the renderer may import only its own files, the contract's types and core/view/ files that import only types, not ${specifier}`);
        }
        if (from.startsWith('main/security/') && target?.startsWith('main/ipc/')) out.push(`${where}: main/security must not import main/ipc`);
      }
    }
  }
  return out;
}
