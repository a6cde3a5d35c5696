import { describe, expect, it } from 'vitest';
import { err, ok, type Settings } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createSettingsStore, fieldOfError } from './settings.state';

const settings: Settings = {
  baseDomain: null,
  storageClass: null,
  imageRegistry: null,
  concurrency: 3,
  maxStoresPerContext: 10,
  noProgressTimeoutMinutes: 10,
  provisionTimeoutMinutes: 30,
  verifyCheckout: true,
  theme: 'system',
  ingressHttpPort: null,
};

describe('settings store', () => {
  it('reads the field out of main validation messages', () => {
    expect(fieldOfError('concurrency: Too small: expected number to be >=1')).toEqual({
      field: 'concurrency',
      message: 'Too small: expected number to be >=1',
    });
    expect(fieldOfError('Unrecognized key: "colour"')).toBeNull();
    expect(fieldOfError('name: Store name is required')).toBeNull();
  });

  it('loads, saves, and puts a validation error next to its field', async () => {
    const api = createFakeApi();
    api.respond('getSettings', ok(settings));
    const store = createSettingsStore(api);
    await store.getState().load();
    expect(store.getState().settings).toEqual(settings);
    // Main's own refusal (a rule only main knows) lands next to its field too.
    api.respond('updateSettings', err('invalid_request', 'storageClass: No StorageClass "fast" in kube-sim'));
    const refused = await store.getState().save({ storageClass: 'fast' });
    expect(refused.ok).toBe(false);
    expect(store.getState()).toMatchObject({
      saving: false,
      error: null,
      fieldErrors: { storageClass: 'No StorageClass "fast" in kube-sim' },
      settings,
    });
    api.respond('updateSettings', ok({ ...settings, concurrency: 5 }));
    await store.getState().save({ concurrency: 5 });
    expect(store.getState()).toMatchObject({ fieldErrors: {}, settings: { concurrency: 5 } });
  });

  it('checks every field with the contract schema before sending: all messages at once, nothing saved', async () => {
    const api = createFakeApi();
    const store = createSettingsStore(api);
    const refused = await store.getState().save({
      ...settings,
      baseDomain: 'https://shops.example.com',
      storageClass: 'Local Path',
      imageRegistry: 'https://registry.example.com',
      concurrency: 0,
      maxStoresPerContext: 1.5,
      provisionTimeoutMinutes: Number.NaN,
      ingressHttpPort: 70000,
    });
    expect(refused.ok).toBe(false);
    expect(api.calls.filter((c) => c.name === 'updateSettings')).toEqual([]);
    expect(store.getState().fieldErrors).toEqual({
      baseDomain: 'Base domain must be a DNS name such as stores.example.com',
      storageClass: expect.stringMatching(/^StorageClass must be a Kubernetes object name/),
      imageRegistry: expect.stringMatching(/^Image registry must be a registry host .*no https:\/\//),
      concurrency: 'Concurrent provisions must be at least 1',
      maxStoresPerContext: 'Max stores per context must be a whole number',
      provisionTimeoutMinutes: 'Overall provisioning limit (minutes) must be a number',
      ingressHttpPort: 'Ingress HTTP port must be at most 65535',
    });
  });

  it('re-checks a field as it is edited: the message goes once the value is right', () => {
    const store = createSettingsStore(createFakeApi());
    store.getState().check({ concurrency: 0, maxStoresPerContext: 0 }, ['concurrency']);
    // Only the field being edited is judged; the other is not touched yet.
    expect(store.getState().fieldErrors).toEqual({ concurrency: 'Concurrent provisions must be at least 1' });
    store.getState().check({ concurrency: 4 }, ['concurrency']);
    expect(store.getState().fieldErrors).toEqual({});
  });

  it('shows an error that names no field as a general one', async () => {
    const api = createFakeApi();
    api.respond('updateSettings', err('internal', 'The Storedeck web host is not reachable'));
    const store = createSettingsStore(api);
    await store.getState().save({ theme: 'dark' });
    expect(store.getState()).toMatchObject({
      error: 'The Storedeck web host is not reachable',
      fieldErrors: {},
    });
  });
});
