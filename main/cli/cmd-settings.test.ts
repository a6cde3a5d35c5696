// settings / settings set, list without a usable kubeconfig, and --json errors, through the real
// createApp on a temp data dir (no cluster needed for any of them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/create-app';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'storedeck-cli-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', join(dir, 'data')], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp,
  });
  return { code, out, err };
}

describe('storedeck settings', () => {
  it('prints every setting the Settings dialog shows, and the same as JSON', async () => {
    const table = await cli('settings');
    expect(table.code).toBe(0);
    for (const key of [
      'base-domain',
      'storage-class',
      'image-registry',
      'concurrency',
      'max-stores-per-context',
      'no-progress-timeout-minutes',
      'provision-timeout-minutes',
      'theme',
    ])
      expect(table.out).toContain(key);
    const json = await cli('settings', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ baseDomain: null, theme: 'system' });
  });

  it('sets one, validated like the dialog, with plain messages', async () => {
    expect(await cli('settings', 'set', 'max-stores-per-context', '50')).toMatchObject({ code: 0 });
    expect(await cli('settings', 'set', 'base-domain', 'stores.example.com')).toMatchObject({ code: 0 });
    const shown = JSON.parse((await cli('settings', '--json')).out);
    expect(shown).toMatchObject({ maxStoresPerContext: 50, baseDomain: 'stores.example.com' });
    expect(await cli('settings', 'set', 'base-domain', 'none')).toMatchObject({ code: 0 });
    expect(await cli('settings', 'set', 'verify-checkout', 'off')).toMatchObject({ code: 0 });
    expect(JSON.parse((await cli('settings', '--json')).out)).toMatchObject({ verifyCheckout: false });
    expect((await cli('settings', 'set', 'verify-checkout', 'maybe')).err).toBe(
      'storedeck: Checkout verification must be on or off\n',
    );

    const tooMany = await cli('settings', 'set', 'max-stores-per-context', '5000');
    expect(tooMany).toMatchObject({
      code: 2,
      err: 'storedeck: Max stores per context must be at most 500\n',
    });
    const word = await cli('settings', 'set', 'concurrency', 'lots');
    expect(word.err).toBe('storedeck: Concurrent provisions must be a number\n');
    const unknown = await cli('settings', 'set', 'colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no setting "colour" \(keys: base-domain, .*theme\)/);
  });
});

describe('list without a usable kubeconfig', () => {
  it('is an error (exit 1), not "No stores", and --json errors are JSON', async () => {
    const missing = await cli('list', '--kubeconfig', join(dir, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/^storedeck: .*kubeconfig/i);

    writeFileSync(join(dir, 'broken'), 'this: [is not: a kubeconfig');
    const broken = await cli('list', '--json', '--kubeconfig', join(dir, 'broken'));
    expect(broken.code).toBe(1);
    const parsed = JSON.parse(broken.err) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe('no_context');
    expect(parsed.error.message.length).toBeGreaterThan(0);

    const usage = await cli('show', '--json');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.err)).toEqual({
      error: { code: 'invalid_request', message: expect.stringMatching(/missing <store>/) },
    });
  });
});
