// The CLI and the web host as built bundles (out/node/*.mjs), so `storedeck` and `npm run web`
// start without compiling TypeScript on every run. Dependencies stay in node_modules.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve(root, 'out/node'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: {
      input: { storedeck: resolve(root, 'main/cli.ts'), 'web-host': resolve(root, 'main/host/web-cli.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
