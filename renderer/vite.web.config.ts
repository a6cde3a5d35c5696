// The same renderer, built for the web host (npm run build:web → out/web).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspHtmlPlugin } from './csp-html-plugin';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspHtmlPlugin('web')],
  build: {
    outDir: resolve(root, '../out/web'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
