import { describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './fake-api';
import { resolveApi, transportOf } from './client';

function browserWindow(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  return {
    location: { origin: 'http://127.0.0.1:5178', hash, pathname: '/', search: '' },
    history: { replaceState: vi.fn() },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    storage,
  };
}

describe('client', () => {
  it('uses the preload bridge in the desktop app', () => {
    const bridge = createFakeApi();
    const win = { ...browserWindow(''), storedeck: bridge };
    expect(resolveApi(win)).toBe(bridge);
    expect(transportOf(win)).toBe('desktop');
    expect(win.storage.size).toBe(0);
  });

  it('falls back to the web host client in a browser, taking the token out of the address bar', () => {
    const win: ReturnType<typeof browserWindow> & { storedeck?: undefined } = browserWindow('#token=abc');
    expect(Object.keys(resolveApi(win).on)).toContain('storeChanged');
    expect(transportOf(win)).toBe('web');
    expect(win.storage.get('storedeck.token')).toBe('abc');
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/');
  });
});
