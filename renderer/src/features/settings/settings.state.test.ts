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
  provisionTimeoutSeconds: 300,
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
    api.respond(
      'updateSettings',
      err('invalid_request', 'provisionTimeoutSeconds: Too small: expected number to be >=30'),
    );
    const refused = await store.getState().save({ provisionTimeoutSeconds: 5 });
    expect(refused.ok).toBe(false);
    expect(store.getState()).toMatchObject({
      saving: false,
      error: null,
      fieldErrors: { provisionTimeoutSeconds: 'Too small: expected number to be >=30' },
      settings,
    });
    api.respond('updateSettings', ok({ ...settings, concurrency: 5 }));
    await store.getState().save({ concurrency: 5 });
    expect(store.getState()).toMatchObject({ fieldErrors: {}, settings: { concurrency: 5 } });
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
