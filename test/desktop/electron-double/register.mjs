// `node --import ./register.mjs out/main/index.js`: resolves 'electron' to the test double.
import { register } from 'node:module';

register('./electron-resolve.mjs', import.meta.url);
