import { describe, expect, it } from 'vitest';
import { ok, type Settings } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createThemeStore } from './theme.state';

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

describe('theme store', () => {
  it('follows the system until the user picks a theme', async () => {
    const api = createFakeApi();
    api.respond('getSettings', ok(settings));
    const theme = createThemeStore(api, true);
    await theme.getState().load();
    expect(theme.getState().resolved()).toBe('dark');
    theme.getState().setSystemDark(false);
    expect(theme.getState().resolved()).toBe('light');
  });

  it('toggles to the opposite of what is shown and saves the pick', async () => {
    const api = createFakeApi();
    api.respond('updateSettings', ok({ ...settings, theme: 'light' }));
    const theme = createThemeStore(api, true);
    await theme.getState().toggle();
    expect(theme.getState().resolved()).toBe('light');
    expect(api.calls).toEqual([{ name: 'updateSettings', request: { theme: 'light' } }]);
    theme.getState().setSystemDark(true);
    expect(theme.getState().resolved()).toBe('light');
  });

  it('uses a saved explicit theme over the system one', async () => {
    const api = createFakeApi();
    api.respond('getSettings', ok({ ...settings, theme: 'dark' }));
    const theme = createThemeStore(api, false);
    await theme.getState().load();
    expect(theme.getState().resolved()).toBe('dark');
  });

  it('adopts a preference saved elsewhere without saving it again', () => {
    const api = createFakeApi();
    const theme = createThemeStore(api, false);
    theme.getState().adopt('dark');
    expect(theme.getState().resolved()).toBe('dark');
    expect(api.calls).toEqual([]);
  });
});
