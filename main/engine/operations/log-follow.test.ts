import { Readable, type Writable } from 'node:stream';
import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { LogFollowRegistry, type LogOpener } from './log-follow';

// Enough of a client for sessions whose stream ends before the pod watch would start.
const client = { kubeConfig: {}, call: <T>(fn: () => Promise<T>) => fn() } as unknown as KubeClient;
const target = { pod: 'woocommerce-setup-abc', container: 'wp-cli' };

/** A log that has already been fully written and closed by the time log() resolves. */
const finishedLog =
  (text: string): LogOpener =>
  () => ({
    log: async (_ns: string, _pod: string, _container: string, sink: Writable) => {
      const body = Readable.from([text]);
      body.pipe(sink);
      await new Promise((resolve) => body.once('close', resolve));
      return new AbortController();
    },
  });

describe('LogFollowRegistry', () => {
  it('delivers a log that ended at once, and announces the end only after start() returned', async () => {
    const events: Array<EventOf<'logLines'> | 'returned'> = [];
    let ended!: () => void;
    const endSeen = new Promise<void>((resolve) => (ended = resolve));
    const registry = new LogFollowRegistry(
      (p) => {
        events.push(p);
        if (p.ended) ended();
      },
      { openLog: finishedLog('one\ntwo\nthree') },
    );
    const started = await registry.start(client, 'store-shop', target, { tailLines: 50 });
    events.push('returned');
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.subscriptionId;
    await endSeen;
    expect(events).toEqual(['returned', { subscriptionId: id, lines: ['one', 'two', 'three'], ended: true }]);
    expect(registry.size).toBe(0);
  });

  it('maps a vanished pod to not_found and a waiting container to invalid_state', async () => {
    const failing =
      (code: number): LogOpener =>
      () => ({
        log: async () => {
          throw new ApiException(code, 'Error occurred in log request', undefined, {});
        },
      });
    const gone = await new LogFollowRegistry(() => undefined, { openLog: failing(404) }).start(
      client,
      'ns',
      target,
      { tailLines: 50 },
    );
    expect(gone.ok ? null : gone.error).toEqual({
      code: 'not_found',
      message: 'Pod woocommerce-setup-abc is gone from ns',
    });
    const waiting = await new LogFollowRegistry(() => undefined, { openLog: failing(400) }).start(
      client,
      'ns',
      target,
      { tailLines: 50 },
    );
    expect(waiting.ok ? null : waiting.error.code).toBe('invalid_state');
    const noPrevious = await new LogFollowRegistry(() => undefined, { openLog: failing(400) }).start(
      client,
      'ns',
      target,
      { tailLines: 50, previous: true },
    );
    expect(noPrevious.ok ? null : noPrevious.error).toEqual({
      code: 'invalid_state',
      message: 'wp-cli in woocommerce-setup-abc has not restarted: there is no previous container to read',
    });
  });

  it('refuses more sessions than its limit', async () => {
    const never: LogOpener = () => ({ log: () => new Promise<AbortController>(() => undefined) });
    const registry = new LogFollowRegistry(() => undefined, { maxSessions: 1, openLog: never });
    void registry.start(client, 'ns', target, { tailLines: 50 });
    const second = await registry.start(client, 'ns', target, { tailLines: 50 });
    expect(second.ok ? null : second.error.code).toBe('limit_reached');
  });
});
