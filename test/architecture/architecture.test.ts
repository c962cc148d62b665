// The architecture, enforced: core/ (the engine shared by the app and the CLI) never reaches for
// Electron or for the app, CLI or renderer; inside core, lower layers never import higher ones
// (CORE_LAYERS names the order); the renderer imports only its own files, the contract's types and
// core/view/ files that import nothing but types (the shared formatter); main/security does not
// import main/ipc. A fixture with planted violations proves each rule fires.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CORE_LAYERS, coreLayer, rendererMayImport, sourceFiles, specifiers, violations } from './importRules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const names = (text: string) => specifiers(text).map((found) => found.specifier);

describe('the import scanner', () => {
  it('finds every import form, Electron\'s included', () => {
    const forms = [
      `import { app } from 'electron';`,
      `import { app } from "electron";`,
      'import Store from `electron-store`;',
      `import type { BrowserWindow } from 'electron';`,
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
      `const load = createRequire(import.meta.url);\nconst Store = load('electron-store');`,
      `const electron = createRequire(import.meta.url)( 'electron' );`,
    ];
    for (const form of forms) expect(names(form).some((name) => /^electron/.test(name)), form).toBe(true);
    expect(specifiers(`import type { A } from '../x';\nimport { b } from './y';`)).toEqual([
      { specifier: '../x', typeOnly: true, line: 1 },
      { specifier: './y', typeOnly: false, line: 2 },
    ]);
  });

  it('does not flag lookalikes or comments that merely mention Electron', () => {
    const fine = [
      `// stored by conf (CLI) or electron-store (app)`,
      `import { thing } from 'electron-vite';`,
      `import { store } from 'my-electron-store';`,
      `const name = 'electron';`,
    ];
    for (const text of fine) expect(names(text).filter((name) => /^electron(-store)?(\/|$)/.test(name)), text).toEqual([]);
  });
});

describe('architecture', () => {
  it('every engine file sits in a named layer, and the scan covers the tree', () => {
    const coreFiles = sourceFiles(join(ROOT, 'core')).map((file) => relative(ROOT, file).split('\\').join('/'));
    expect(coreFiles.length).toBeGreaterThanOrEqual(35);
    expect(coreFiles.filter((file) => coreLayer(file) === null)).toEqual([]);
    expect(coreLayer('core/domain.ts')).toBe(0);
    expect(coreLayer('core/controller/pacebarController.ts')).toBe(CORE_LAYERS.length - 1);
    expect(coreLayer('core/oauth/tokenClient.ts')!).toBeGreaterThan(coreLayer('core/api/httpClient.ts')!);
    expect(coreLayer('core/session/stravaSession.ts')!).toBeGreaterThan(coreLayer('core/api/stravaApi.ts')!);
    expect(sourceFiles(join(ROOT, 'renderer')).length).toBeGreaterThanOrEqual(10);
  });

  it('holds for the real tree', () => {
    expect(violations(ROOT)).toEqual([]);
  });

  it('the renderer and the tray share one formatter, which loads nothing and no Intl (the CLI\'s start-up)', () => {
    expect(rendererMayImport(ROOT, 'core/view/format.ts')).toEqual({ ok: true });
    expect(rendererMayImport(ROOT, 'core/view/labels.ts')).toMatchObject({ ok: false });
    const code = readFileSync(join(ROOT, 'core/view/format.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bIntl\b|toLocale/);
    expect(readFileSync(join(ROOT, 'renderer/src/format.ts'), 'utf8')).toMatch(/from '\.\.\/\.\.\/core\/view\/format'/);
  });

  describe('fails on planted violations', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'pacebar-arch-'));
    const plant = (path: string, text: string) => {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), text);
    };
    afterAll(() => rmSync(fixture, { recursive: true, force: true }));

    plant('core/domain.ts', `export type Sport = 'run';\n`);
    plant('core/store/cache.ts', `import type { Sport } from '../domain';\nimport { z } from 'zod';\n`);
    plant('core/oauth/deep/er/bad.ts', `import { z } from 'zod';\nimport type {\n  BrowserWindow,\n} from 'electron';\n`);
    plant('core/sync/lazy.ts', `export const load = () => import('electron-store');\n`);
    plant('core/keychain/upward.ts', `import { PacebarEngine } from '../engine/engine';\n`);
    plant('core/view/contract.ts', `import type { DashboardState } from '../../preload/contract';\n`);
    plant('core/stats/cli.ts', `import { main } from '../../cli/main';\n`);
    plant('core/newfolder/x.ts', `export const x = 1;\n`);
    plant('renderer/src/main.ts', `import type { PacebarApi } from '../../preload/contract';\nimport { dom } from './dom';\n`);
    plant('renderer/src/valueImport.ts', `import { InvokeChannels } from '../../preload/contract';\n`);
    plant('renderer/src/engine.ts', `import { sportFamily } from '../../core/stats/sportFamilies';\n`);
    plant('renderer/src/pkg.ts', `import { z } from 'zod';\n`);
    // The shared formatter imports only types: the renderer may load it; labels loads it at run time: not.
    plant('core/view/format.ts', `import type { Units } from '../domain';\nexport const km = (units: Units) => units;\n`);
    plant('core/view/labels.ts', `import { km } from './format';\nimport type { Sport } from '../domain';\n`);
    plant('renderer/src/format.ts', `import * as shared from '../../core/view/format';\nimport type { Units } from '../../core/view/format.ts';\n`);
    plant('renderer/src/labels.ts', `import { km } from '../../core/view/labels';\n`);
    plant('renderer/src/missing.ts', `import { gone } from '../../core/view/gone';\n`);
    plant('main/security/guards.ts', `import { isTrustedSender } from '../ipc/senderGuard';\n`);
    plant('main/tray/fine.ts', `import { app } from 'electron';\nimport { isTrustedSender } from '../ipc/senderGuard';\n`);

    it('reports each one, with file and line, and nothing else', () => {
      expect(violations(fixture)).toEqual([
        'core/keychain/upward.ts:1: keychain/store/history (layer 3) must not import core/engine/engine (layer 8)',
        'core/newfolder/x.ts: in no layer of CORE_LAYERS (add its folder to one)',
        'core/oauth/deep/er/bad.ts:2: core must not import electron',
        'core/stats/cli.ts:1: core must not import from cli/',
        'core/sync/lazy.ts:1: core must not import electron-store',
        'core/view/contract.ts:1: core must not import from preload/',
        'main/security/guards.ts:1: main/security must not import main/ipc',
        "renderer/src/engine.ts:1: the renderer may import only its own files, the contract's types and core/view/ files that import only types, not ../../core/stats/sportFamilies",
        'renderer/src/labels.ts:1: the renderer may import from core/view/ only files that import nothing but types (core/view/labels.ts imports ./format at run time)',
        'renderer/src/missing.ts:1: the renderer may import from core/view/ only files that import nothing but types (no such file)',
        "renderer/src/pkg.ts:1: the renderer may import only its own files, the contract's types and core/view/ files that import only types, not zod",
        "renderer/src/valueImport.ts:1: the renderer may import only its own files, the contract's types and core/view/ files that import only types, not ../../preload/contract",
      ]);
    });
  });
});
