import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openState, type State } from './open-state';
import { SETTINGS_DEFAULTS } from './settings.repo';

let state: State;
beforeEach(() => {
  state = openState(':memory:');
});
afterEach(() => state.close());

describe('SettingsRepo', () => {
  it('starts from the documented defaults', () => {
    expect(state.settings.get()).toEqual({
      baseDomain: null,
      storageClass: null,
      imageRegistry: null,
      concurrency: 3,
      maxStoresPerContext: 10,
      noProgressTimeoutMinutes: 10,
      provisionTimeoutMinutes: 30,
      theme: 'system',
      verifyCheckout: true,
      ingressHttpPort: null,
    });
    expect(state.settings.get()).toEqual(SETTINGS_DEFAULTS);
  });

  it('updates only the given fields and can set a nullable field back to null', () => {
    const updated = state.settings.update({
      baseDomain: 'stores.example.com',
      concurrency: 5,
      theme: 'dark',
    });
    expect(updated).toEqual({
      ok: true,
      value: { ...SETTINGS_DEFAULTS, baseDomain: 'stores.example.com', concurrency: 5, theme: 'dark' },
    });
    state.settings.update({ baseDomain: null });
    expect(state.settings.get()).toMatchObject({ baseDomain: null, concurrency: 5, theme: 'dark' });
  });

  it('refuses an invalid patch as a whole, naming the field, and writes nothing', () => {
    const result = state.settings.update({ storageClass: 'fast', concurrency: 0 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'concurrency: Concurrent provisions must be at least 1' },
    });
    expect(state.settings.update({ colour: 'red' } as never)).toMatchObject({ ok: false });
    expect(state.settings.get()).toEqual(SETTINGS_DEFAULTS);
  });

  it('falls back to the default for a stored value that no longer validates', () => {
    state.db
      .prepare("INSERT INTO settings (key, value) VALUES ('concurrency', '999'), ('theme', 'garbage')")
      .run();
    state.settings.update({ maxStoresPerContext: 20 });
    expect(state.settings.get()).toEqual({ ...SETTINGS_DEFAULTS, maxStoresPerContext: 20 });
  });

  it('remembers the selected cluster context, separately from the settings', () => {
    expect(state.settings.getSelectedContext()).toBeNull();
    state.settings.setSelectedContext('kind-storedeck');
    state.settings.setSelectedContext('k3s-lab');
    expect(state.settings.getSelectedContext()).toBe('k3s-lab');
    expect(state.settings.get()).toEqual(SETTINGS_DEFAULTS);
    state.settings.setSelectedContext(null);
    expect(state.settings.getSelectedContext()).toBeNull();
  });

  it('knows the ingress port of a context: its own cluster first, then the setting, else 80', () => {
    expect(state.settings.ingressHttpPort('kind-storedeck')).toEqual({ port: null, source: 'default' });
    state.settings.update({ ingressHttpPort: 9090 });
    expect(state.settings.ingressHttpPort('kind-storedeck')).toEqual({ port: 9090, source: 'settings' });
    state.settings.setLocalCluster({
      name: 'storedeck',
      context: 'kind-storedeck',
      httpPort: 8080,
      httpsPort: 8443,
    });
    expect(state.settings.ingressHttpPort('kind-storedeck')).toEqual({ port: 8080, source: 'cluster' });
    expect(state.settings.ingressHttpPort('k3s-lab')).toEqual({ port: 9090, source: 'settings' });
    expect(state.settings.get()).not.toHaveProperty('localCluster:kind-storedeck');
    state.settings.forgetLocalCluster('kind-storedeck');
    expect(state.settings.getLocalCluster('kind-storedeck')).toBeNull();
    expect(state.settings.update({ ingressHttpPort: 70000 })).toMatchObject({
      ok: false,
      error: { message: 'ingressHttpPort: Ingress HTTP port must be at most 65535' },
    });
  });

  it('persists across reopening a file database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-settings-'));
    try {
      const file = path.join(dir, 'storedeck.db');
      const first = openState(file);
      first.settings.update({ provisionTimeoutMinutes: 60 });
      first.settings.setSelectedContext('kind-dev');
      first.close();
      const second = openState(file);
      expect(second.settings.get().provisionTimeoutMinutes).toBe(60);
      expect(second.settings.getSelectedContext()).toBe('kind-dev');
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
