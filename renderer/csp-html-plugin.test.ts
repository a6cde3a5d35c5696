import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../main/desktop/csp';
import { withCsp } from './csp-html-plugin';

const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
const metaCsp = (source: string) =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(source)?.[1];

describe('renderer CSP meta tag', () => {
  it('index.html carries exactly the strict desktop policy', () => {
    expect(metaCsp(html)).toBe(contentSecurityPolicy('app', 'meta'));
  });

  it('keeps frame-ancestors for headers only (a meta tag cannot carry it)', () => {
    expect(contentSecurityPolicy('app')).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('app', 'meta')).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy('app', 'meta')).toContain("object-src 'none'");
  });

  it('the web build allows the host WebSocket and still no inline script', () => {
    const csp = metaCsp(withCsp(html, 'web'));
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(csp).toContain("script-src 'self';");
  });

  it('refuses HTML without the meta tag rather than shipping no policy', () => {
    expect(() => withCsp('<html></html>', 'web')).toThrow(/no Content-Security-Policy/);
  });
});
