// The strategy ships the template through a generated module: it must match ./app exactly.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');

describe('template-files.generated.ts', () => {
  it('is in step with the app template (node scripts/gen-medusa-template.mjs regenerates it)', () => {
    expect(() =>
      execFileSync('node', ['scripts/gen-medusa-template.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
