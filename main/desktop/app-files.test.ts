import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, appFileResponse } from './app-files';

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'storedeck-app-files-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Storedeck</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'kubeconfig');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => appFileResponse(root, new Request(url, { method }), 'csp!');

describe('app:// responses', () => {
  it('serves the page and assets with their type and the CSP', async () => {
    const page = await get(APP_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe('csp!');
    expect(await page.text()).toContain('<title>Storedeck</title>');
    const asset = await get('app://storedeck/assets/app.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never leaves the renderer directory, and answers only its own host', async () => {
    for (const url of [
      'app://storedeck/../secret.txt',
      'app://storedeck/%2e%2e/secret.txt',
      'app://storedeck/assets/..%2f..%2fsecret.txt',
      'app://storedeck/missing.js',
      'app://storedeck/assets',
      'app://elsewhere/index.html',
    ]) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text()).not.toContain('kubeconfig');
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get(APP_URL, 'POST')).status).toBe(405);
    const head = await get(APP_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
