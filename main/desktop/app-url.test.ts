import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-url';

describe('isAppUrl', () => {
  const packaged = 'file:///opt/Storedeck/resources/app.asar/out/renderer/index.html';
  const dev = 'http://localhost:5173/';

  it('accepts the packaged page itself, with any hash or query', () => {
    expect(isAppUrl(packaged, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}#/stores`, packaged)).toBe(true);
  });

  it('refuses other local files and remote pages', () => {
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('https://evil.example/', packaged)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('accepts the app:// origin only', () => {
    const app = 'app://storedeck/index.html';
    expect(isAppUrl('app://storedeck/assets/index.js', app)).toBe(true);
    expect(isAppUrl('app://storedeck/index.html#/stores', app)).toBe(true);
    expect(isAppUrl('app://other/index.html', app)).toBe(false);
    expect(isAppUrl('file:///index.html', app)).toBe(false);
    expect(isAppUrl('https://storedeck/index.html', app)).toBe(false);
  });

  it('refuses garbage', () => {
    expect(isAppUrl('::', dev)).toBe(false);
    expect(isAppUrl('about:blank', packaged)).toBe(false);
  });
});
