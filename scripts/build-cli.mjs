#!/usr/bin/env node
// Bundles the `pacebar` command (cli/pacebar.ts) into one ESM file for plain Node ≥ 20:
// out/cli/pacebar.js, executable, with a shebang. Runtime dependencies stay in node_modules.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'cli', 'pacebar.js');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const SHEBANG = '#!/usr/bin/env node';

export async function buildCli({ logLevel = 'warning' } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'cli', 'pacebar.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // zod is bundled: one file loads far faster than the many small modules it is made of, and
    // start-up is most of what a status-bar command costs. undici and conf stay outside because they
    // are imported lazily, on the first request and the first write (never for `status` from the
    // cache; proper-lockfile only for a token refresh or a history write, atomically for the history's
    // writes); keytar is a native addon. electron and electron-store must never be reached from here.
    external: ['keytar', 'undici', 'conf', 'proper-lockfile', 'atomically', 'electron', 'electron-store'],
    minify: true,
    // Bundled CommonJS dependencies (ajv, undici) call require() for Node built-ins.
    banner: { js: `${SHEBANG}\nimport { createRequire as __pacebarCreateRequire } from 'node:module'; const require = __pacebarCreateRequire(import.meta.url);` },
    define: { __PACEBAR_VERSION__: JSON.stringify(version) },
    sourcemap: false,
    legalComments: 'none',
    logLevel,
    write: false,
  });
  // esbuild also keeps the entry's own `#!` line after the banner: keep exactly one.
  const [output] = result.outputFiles;
  const text = output.text.replace(/^(#![^\n]*\n)+/, `${SHEBANG}\n`);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, text);
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = await buildCli({ logLevel: 'info' });
  console.log(`built ${file}`);
}
