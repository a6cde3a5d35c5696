import { describe, expect, it } from 'vitest';
import { err, ok, type EventOf } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createWpCliStore } from './wp-cli.state';

const out = (
  runId: string,
  text: string,
  done = false,
  exitCode: number | null = null,
): EventOf<'wpCliOutput'> => ({
  runId,
  stream: 'stdout',
  text,
  done,
  exitCode,
});

describe('WP-CLI session store', () => {
  it('shows the command, its streamed output (even output that beat the answer) and the exit code', async () => {
    const api = createFakeApi();
    api.runWpCli = async () => {
      api.emit('wpCliOutput', out('r1', 'early\n'));
      api.emit('wpCliOutput', out('other', 'not mine\n'));
      return ok({ runId: 'r1' });
    };
    const session = createWpCliStore(api, 's1');
    await session.getState().run('wp plugin list');
    expect(session.getState().running).toBe(true);
    api.emit('wpCliOutput', out('r1', 'woocommerce\n'));
    api.emit('wpCliOutput', out('r1', '', true, 0));
    const state = session.getState();
    expect(state.chunks.join('')).toContain('$ wp plugin list');
    expect(state.chunks.slice(1)).toEqual(['early\n', 'woocommerce\n']);
    expect(state).toMatchObject({ running: false, lastExit: 0, error: null });
  });

  it('refuses a malformed line without calling main, and shows main’s error value', async () => {
    const api = createFakeApi();
    let calls = 0;
    api.runWpCli = async () => {
      calls++;
      return err('invalid_state', 'Store "Demo" is Queued');
    };
    const session = createWpCliStore(api, 's1');
    await session.getState().run('option get "x');
    expect(session.getState().error).toMatch(/quote/);
    expect(calls).toBe(0);
    await session.getState().run('option get x');
    expect(session.getState()).toMatchObject({ running: false, error: 'Store "Demo" is Queued' });
  });
});
