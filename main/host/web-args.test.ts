import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './web-args';

const env = { STOREDECK_DATA_DIR: '/data/storedeck' };

describe('parseWebArgs', () => {
  it('defaults to a free port and the data dir from the environment', () => {
    expect(parseWebArgs([], env)).toEqual({ port: 0, dataDir: '/data/storedeck' });
  });

  it('reads every documented flag, spaced or with =', () => {
    expect(
      parseWebArgs(
        ['--port', '8080', '--data-dir', 'tmp/d', '--kubeconfig=/k/config', '--context', 'kind-storedeck'],
        env,
      ),
    ).toEqual({
      port: 8080,
      dataDir: resolve('tmp/d'),
      kubeconfigPath: '/k/config',
      context: 'kind-storedeck',
    });
  });

  it('uses the per-user data folder without STOREDECK_DATA_DIR, like the CLI', () => {
    expect(parseWebArgs([], { XDG_CONFIG_HOME: '/xdg' }).dataDir).toBe(
      process.platform === 'linux' ? '/xdg/Storedeck' : expect.stringMatching(/storedeck$/i),
    );
  });

  it('refuses bad ports, missing values and unknown flags with the usage line', () => {
    expect(() => parseWebArgs(['--port', 'http'], env)).toThrow(/--port must be/);
    expect(() => parseWebArgs(['--port', '70000'], env)).toThrow(/--port must be/);
    expect(() => parseWebArgs(['--context'], env)).toThrow(/needs a value/);
    expect(() => parseWebArgs(['--context', '--port'], env)).toThrow(/needs a value/);
    expect(() => parseWebArgs(['--host', '0.0.0.0'], env)).toThrow(/Unknown option "--host".*Usage/);
  });
});
