import { describe, expect, it } from 'vitest';
import { isOpenableExternalUrl, isStoreUrl } from './external-url';

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

describe('isStoreUrl', () => {
  const stores = [
    { url: 'http://demo-shop.localhost', adminUrl: 'http://demo-shop.localhost/wp-admin/' },
    { url: null, adminUrl: null },
  ];

  it('opens pages of a known store, storefront or admin', () => {
    expect(isStoreUrl('http://demo-shop.localhost/cart/', stores)).toBe(true);
    expect(isStoreUrl('http://demo-shop.localhost/wp-admin/post-new.php', stores)).toBe(true);
  });

  it('refuses any other site, even on a similar host or scheme', () => {
    expect(isStoreUrl('https://phishing.example/', stores)).toBe(false);
    expect(isStoreUrl('http://demo-shop.localhost.evil.example/', stores)).toBe(false);
    expect(isStoreUrl('https://demo-shop.localhost/', stores)).toBe(false);
    expect(isStoreUrl('file:///etc/passwd', stores)).toBe(false);
    expect(isStoreUrl('http://demo-shop.localhost', [])).toBe(false);
  });
});
