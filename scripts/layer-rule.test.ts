// The per-folder import rule in eslint.config.js: a scratch copy of a real file of each lower
// layer, given one upward import, fails the lint; the same copy untouched, or importing downward,
// passes. Linted in memory (lintText with a path inside the folder), so no file is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(copyOf: string, extraImport: string | null): Promise<string[]> {
  const source = readFileSync(path.join(root, copyOf), 'utf8');
  const text = extraImport ? `${extraImport}\n${source}` : source;
  const scratch = path.join(root, path.dirname(copyOf), `scratch-copy-${path.basename(copyOf)}`);
  const [result] = await eslint.lintText(text, { filePath: scratch });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CASES = [
  { copyOf: 'main/kube/client.ts', upward: "import { Engine } from '../engine/engine';" },
  { copyOf: 'main/state/settings.repo.ts', upward: "import { createApp } from '../api/create-app';" },
  {
    copyOf: 'main/engine/reconciler.ts',
    upward: "import type { Handlers } from '../api/handler-types';",
  },
  {
    copyOf: 'main/engine/strategies/woocommerce/jobs.ts',
    upward: "import { runCli } from '../../../cli/run-cli';",
  },
  {
    copyOf: 'main/primitives/event-bus.ts',
    upward: "import type { StoresRepo } from '../state/stores.repo';",
  },
];

describe('layers import downward only (eslint no-restricted-imports per folder)', () => {
  it.each(CASES)('an upward import in a copy of $copyOf fails the lint', async ({ copyOf, upward }) => {
    const errors = await layerErrors(copyOf, upward);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('layers import downward only');
  });

  it.each(CASES)('the copy of $copyOf as it is passes', async ({ copyOf }) => {
    expect(await layerErrors(copyOf, null)).toEqual([]);
  });

  it('a downward import passes (engine → kube)', async () => {
    const errors = await layerErrors(
      'main/engine/reconciler.ts',
      "import { FIELD_MANAGER } from '../kube/field-managers';",
    );
    expect(errors).toEqual([]);
  });

  it('electron stays forbidden inside a layer folder', async () => {
    const errors = await layerErrors('main/kube/client.ts', "import { app } from 'electron';");
    expect(errors[0]).toContain('electron is only imported');
  });
});
