// Bundling drops ordinary comments, and with them the `eng-disable` justifications that
// Electronegativity reads on the line of a finding. This plugin carries them over: each output
// chunk starts with one file-wide `eng-disable` line naming the checks that the chunk's own
// source files justify. The per-line scan of the source stays the precise gate; the scan of
// out/ then fails only on what bundling added (a dependency, a build mistake), never on a
// finding already justified at its line.
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Plugin } from 'vite';

const DIRECTIVE = /(?:\/\/|\/\*)[ \t]*eng-disable[ \t]+([A-Z0-9_ \t]+)/g;
const CHECK_ID = /^[A-Z0-9_]+_CHECK$/;

/** The check IDs justified anywhere in a source text. */
export function justifiedChecks(source: string): string[] {
  const ids = new Set<string>();
  for (const match of source.matchAll(DIRECTIVE))
    for (const word of match[1]!.trim().split(/[ \t]+/)) if (CHECK_ID.test(word)) ids.add(word);
  return [...ids].sort();
}

function checksOf(root: string, moduleIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const id of moduleIds) {
    if (!isAbsolute(id) || id.includes('/node_modules/') || relative(root, id).startsWith('..')) continue;
    let source: string;
    try {
      source = readFileSync(id.replace(/\?.*$/, ''), 'utf8');
    } catch {
      continue;
    }
    for (const check of justifiedChecks(source)) ids.add(check);
  }
  return [...ids].sort();
}

export function engDisableBanner(root: string): Plugin {
  return {
    name: 'storedeck:eng-disable-banner',
    // On the written files: every other plugin (Vite prepends its preload helper late) is done.
    writeBundle(options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !options.dir) continue;
        const ids = checksOf(root, output.moduleIds);
        if (ids.length === 0) continue;
        const file = join(options.dir, output.fileName);
        writeFileSync(file, `/* eng-disable ${ids.join(' ')} */\n${readFileSync(file, 'utf8')}`);
      }
    },
  };
}
