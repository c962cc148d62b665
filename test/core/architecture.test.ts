// The engine in core/ runs under plain Node (CLI, tests, simulator): it must never reach for
// Electron. This scans every source file and fails on any form of import of electron or electron-store.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE_DIR = fileURLToPath(new URL('../../core', import.meta.url));

/**
 * Any module specifier naming electron or electron-store (or a subpath such as electron/main),
 * reached by `from '…'` (import, import type, export … from), a bare `import '…'`, a dynamic
 * `import('…')` or `require('…')` (including `import x = require('…')`), or any call whose only
 * argument is that specifier (a renamed require from createRequire, say).
 */
const FORBIDDEN_IMPORT =
  /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)(['"`])(?:electron|electron-store)(?:\/[^'"`]*)?\1|\(\s*(['"`])(?:electron|electron-store)(?:\/[^'"`]*)?\2\s*\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [path] : [];
  });
}

function offendersIn(root: string): string[] {
  const offenders: string[] = [];
  for (const file of sourceFiles(root).sort()) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    // Check the whole text too, so an import split over several lines is still caught.
    if (!FORBIDDEN_IMPORT.test(lines.join('\n'))) continue;
    const lineNumbers = lines.flatMap((line, index) => (FORBIDDEN_IMPORT.test(line) ? [index + 1] : []));
    offenders.push(`${relative(root, file).split('\\').join('/')}:${lineNumbers.join(',') || '(multi-line import)'}`);
  }
  return offenders;
}

describe('architecture: core/ never imports Electron', () => {
  it('the forbidden-import regex catches every import form', () => {
    const bad = [
      `import { app } from 'electron';`,
      `import { app } from "electron";`,
      'import Store from `electron-store`;',
      `import Store from 'electron-store';`,
      `import type { BrowserWindow } from 'electron';`,
      `import type Store from "electron-store";`,
      `import 'electron';`,
      `import * as electron from 'electron';`,
      `import {\n  app,\n  BrowserWindow,\n} from 'electron';`,
      `export { app } from 'electron';`,
      `export * from 'electron-store';`,
      `export type { App } from 'electron';`,
      `const { app } = await import('electron');`,
      `const Store = (await import ( "electron-store" )).default;`,
      `const electron = require('electron');`,
      `const Store = require ( 'electron-store' );`,
      `import electron = require('electron');`,
      `import { ipcMain } from 'electron/main';`,
      `const x = require('electron/renderer');`,
      `const load = createRequire(import.meta.url);\nconst Store = load('electron-store');`,
      `const electron = createRequire(import.meta.url)( 'electron' );`,
    ];
    for (const line of bad) expect(FORBIDDEN_IMPORT.test(line), line).toBe(true);
  });

  it('the regex does not flag lookalikes or comments that merely mention Electron', () => {
    const fine = [
      `// stored by conf (CLI) or electron-store (app)`,
      `import { z } from 'zod';`,
      `import Conf from 'conf';`,
      `import { thing } from 'electron-vite';`,
      `import { thing } from 'electron-builder';`,
      `import { thing } from './electron';`,
      `const name = 'electron';`,
      `import { store } from 'my-electron-store';`,
    ];
    for (const line of fine) expect(FORBIDDEN_IMPORT.test(line), line).toBe(false);
  });

  it('scans a non-trivial set of engine files', () => {
    const files = sourceFiles(CORE_DIR).map((file) => relative(CORE_DIR, file).split('\\').join('/'));
    // Guard against the scan silently finding nothing (wrong folder, wrong extension filter).
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toContain('engine/engine.ts');
    expect(files).toContain('oauth/redirectMatcher.ts');
    expect(files).toContain('store/confStores.ts');
  });

  it('the scan finds an offender hidden in a nested folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacebar-arch-'));
    try {
      mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
      writeFileSync(join(dir, 'fine.ts'), `import { z } from 'zod';\n// electron-store is used by the app only\n`);
      writeFileSync(join(dir, 'deep', 'er', 'bad.ts'), `import { z } from 'zod';\nimport type {\n  BrowserWindow,\n} from 'electron';\n`);
      expect(offendersIn(dir)).toEqual(['deep/er/bad.ts:4']);
      writeFileSync(join(dir, 'deep', 'lazy.ts'), `export const load = () => import('electron-store');\n`);
      writeFileSync(join(dir, 'deep', 'split.ts'), `export const load = () =>\n  import(\n    'electron'\n  );\n`);
      expect(offendersIn(dir)).toEqual(['deep/er/bad.ts:4', 'deep/lazy.ts:1', 'deep/split.ts:(multi-line import)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no file under core/ imports electron or electron-store', () => {
    expect(offendersIn(CORE_DIR)).toEqual([]);
  });
});
