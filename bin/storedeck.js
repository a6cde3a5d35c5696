#!/usr/bin/env node
// The `storedeck` command (npm link / a global install): the built CLI bundle (out/node, made by
// `npm run build`), which starts without compiling anything. In a checkout that was never built,
// it falls back to the TypeScript source through tsx's loader, with the project's own tsconfig.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/node/storedeck.mjs', import.meta.url);
if (existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
  await import(new URL('../main/cli.ts', import.meta.url).href);
}
