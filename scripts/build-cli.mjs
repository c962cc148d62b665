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
    banner: { js: SHEBANG },
    external: ['keytar', 'conf', 'undici', 'zod', 'electron', 'electron-store'],
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
