import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api';
import { resolveApi, transportOf } from './client';

describe('client', () => {
  it('uses the preload bridge in the desktop app', () => {
    const bridge = createFakeApi();
    const win = { storedeck: bridge, location: { origin: 'file://' } };
    expect(resolveApi(win)).toBe(bridge);
    expect(transportOf(win)).toBe('desktop');
  });

  it('falls back to the web host client in a browser', () => {
    const win = { location: { origin: 'http://127.0.0.1:5178' } };
    expect(Object.keys(resolveApi(win).on)).toContain('storeChanged');
    expect(transportOf(win)).toBe('web');
  });
});
