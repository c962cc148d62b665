import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Builds the three Electron bundles into out/: main (ESM), preload (one CommonJS file, as sandboxed
// preloads require) and the renderer (static files served through the app:// protocol).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // keytar is a native addon and electron-store is ESM that imports electron: load both at run time.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
