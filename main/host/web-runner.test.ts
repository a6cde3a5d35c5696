import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../primitives/event-bus';
import { fakeHandlers } from './fake-handlers';
import { runWebHost, WebUiNotBuiltError, type AppFactory } from './web-runner';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storedeck-runner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeFactory() {
  const close = vi.fn(async () => undefined);
  const factory = vi.fn<AppFactory>(async () => ({ handlers: fakeHandlers(), bus: createEventBus(), close }));
  return { factory, close };
}

describe('runWebHost', () => {
  it('tells the user to run build:web when the UI is not built, before starting anything', async () => {
    const { factory } = fakeFactory();
    const attempt = runWebHost({ port: 0, dataDir: join(dir, 'data') }, factory, join(dir, 'web'));
    await expect(attempt).rejects.toThrow(WebUiNotBuiltError);
    await expect(attempt).rejects.toThrow(/npm run build:web/);
    expect(factory).not.toHaveBeenCalled();
  });

  it('starts the app in web mode with the given options, prints the exact banner, and stops both', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const { factory, close } = fakeFactory();
    const args = {
      port: 0,
      dataDir: join(dir, 'data'),
      kubeconfigPath: '/k/config',
      context: 'kind-storedeck',
    };
    const running = await runWebHost(args, factory, dir);
    try {
      expect(factory).toHaveBeenCalledWith({
        dataDir: args.dataDir,
        kubeconfigPath: '/k/config',
        context: 'kind-storedeck',
        mode: 'web',
      });
      const { port } = running.host.address();
      expect(running.banner).toBe(`Storedeck web UI: http://127.0.0.1:${port}/#token=${running.host.token}`);
    } finally {
      await running.stop();
    }
    expect(close).toHaveBeenCalledTimes(1);
  });
});
