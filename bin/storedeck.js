#!/usr/bin/env node
// The `storedeck` command (npm link / a global install): runs the TypeScript CLI through tsx's
// loader API, with the project's own tsconfig so the directory it is run from does not matter.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
await import(new URL('../main/cli.ts', import.meta.url).href);
