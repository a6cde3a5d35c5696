import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type AppCore } from './create-app';
import { dispatch } from './dispatch';

let app: AppCore | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(): Promise<AppCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storedeck-app-'));
  app = await createApp({
    dataDir,
    kubeconfigPath: join(dataDir, 'no-kubeconfig'),
    mode: 'web',
    worker: 'never',
  });
  return app;
}

describe('createApp', () => {
  it('audits settings changes with the same actor as store actions, but not theme switches', async () => {
    const core = await start();
    expect((await dispatch(core.handlers, 'updateSettings', { theme: 'dark' })).ok).toBe(true);
    expect((await dispatch(core.handlers, 'updateSettings', { concurrency: 4, theme: 'light' })).ok).toBe(
      true,
    );
    const audit = await dispatch(core.handlers, 'listAudit', {});
    expect(audit.ok && audit.value).toEqual([
      expect.objectContaining({
        action: 'update-settings',
        details: 'concurrency=4',
        actor: expect.stringMatching(/^web:/),
      }),
    ]);
  });

  it('a kubeconfig written after the start is used once reloaded, on its current context', async () => {
    const core = await start();
    const info = await core.handlers.getAppInfo({});
    expect(info.ok && info.value.context).toBeNull();
    const file = info.ok ? info.value.kubeconfigPath : null;
    if (!file) throw new Error('getAppInfo names no kubeconfig path');
    // Loopback only: nothing listens on port 1, so the probe just finds the cluster not answering.
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n- name: dev\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: dev\n  context:\n    cluster: dev\n    user: u\nusers:\n- name: u\n  user:\n    token: t\n',
    );
    expect(await dispatch(core.handlers, 'reloadKubeconfig', {})).toEqual({
      ok: true,
      value: { contexts: 1 },
    });
    const after = await core.handlers.getAppInfo({});
    expect(after.ok && after.value.context).toBe('dev');
  });

  it('answers cluster requests without a kubeconfig with a no_context error naming the file', async () => {
    const core = await start();
    const created = await dispatch(core.handlers, 'createStore', { name: 'Shop', adminEmail: 'a@b.co' });
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'no_context', message: expect.stringContaining('no-kubeconfig') },
    });
    expect(await dispatch(core.handlers, 'listStores', {})).toEqual({ ok: true, value: [] });
  });
});
