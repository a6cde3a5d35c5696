// Builds the three Electron bundles: main (ESM), preload (CommonJS, as a sandboxed preload must be),
// renderer (React). The web host's copy of the renderer is built by renderer/vite.web.config.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspHtmlPlugin } from './renderer/csp-html-plugin';
import { engDisableBanner } from './scripts/eng-disable-banner';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    plugins: [engDisableBanner(root)],
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies (better-sqlite3's native addon above all) load from node_modules at runtime.
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    plugins: [engDisableBanner(root)],
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can only require('electron'): zod and the contract must be bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspHtmlPlugin('app'), engDisableBanner(root)],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
