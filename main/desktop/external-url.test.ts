import { describe, expect, it } from 'vitest';
import { isOpenableExternalUrl } from './external-url';

describe('isOpenableExternalUrl', () => {
  it('opens store and admin URLs', () => {
    expect(isOpenableExternalUrl('http://demo-shop.localhost')).toBe(true);
    expect(isOpenableExternalUrl('https://shop.example.com/wp-admin/')).toBe(true);
  });

  it('refuses everything that is not plain http(s)', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'vscode://open?x',
      'ms-settings:',
      'http://user:pass@shop.example.com',
      'not a url',
      '',
    ]) {
      expect(isOpenableExternalUrl(url), url).toBe(false);
    }
  });
});
