#!/usr/bin/env node
// Electron 42+ no longer downloads its binary on `npm install`, and electron-vite does not fetch it
// either: fetch it once, before `npm start` / `npm run demo`, with a clear line if that fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('Pacebar: downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      'pacebar: could not download the Electron binary (this needs internet access to GitHub). ' +
        'Without it, try the `pacebar` command against the simulator (see README).',
    );
    process.exit(1);
  }
}
