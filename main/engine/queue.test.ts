import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './queue';

// A worker whose passes the test completes by hand, so ordering is deterministic.
function harness(concurrency: number, paused = false, uncapped?: (key: string) => boolean) {
  const started: string[] = [];
  const releases = new Map<string, Array<() => void>>();
  const aborted: string[] = [];
  const queue = new KeyedQueue({
    paused,
    uncapped,
    concurrency: () => concurrency,
    worker: (key, signal) =>
      new Promise<void>((resolve, reject) => {
        started.push(key);
        const list = releases.get(key) ?? [];
        list.push(resolve);
        releases.set(key, list);
        signal.addEventListener('abort', () => {
          aborted.push(key);
          reject(signal.reason);
        });
      }),
  });
  const finish = async (key: string) => {
    releases.get(key)?.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { queue, started, aborted, finish };
}

describe('KeyedQueue', () => {
  it('runs at most `concurrency` keys at once, in arrival order', async () => {
    const { queue, started, finish } = harness(2);
    for (const key of ['a', 'b', 'c', 'd']) queue.enqueue(key);
    expect(started).toEqual(['a', 'b']);
    expect(queue.queuedCount).toBe(2);
    await finish('a');
    expect(started).toEqual(['a', 'b', 'c']);
    await finish('b');
    await finish('c');
    await finish('d');
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.runningCount).toBe(0);
  });

  it('merges duplicate requests for a waiting key', async () => {
    const { queue, started, finish } = harness(1);
    queue.enqueue('a');
    queue.enqueue('b');
    queue.enqueue('b');
    queue.enqueue('b');
    await finish('a');
    await finish('b');
    expect(started).toEqual(['a', 'b']);
    expect(queue.state('b')).toBe('idle');
  });

  it('runs a key once more when asked while it runs, never twice at once', async () => {
    const { queue, started, finish } = harness(3);
    queue.enqueue('a');
    queue.enqueue('a');
    queue.enqueue('a');
    expect(started).toEqual(['a']);
    await finish('a');
    expect(started).toEqual(['a', 'a']);
    await finish('a');
    expect(started).toEqual(['a', 'a']);
    expect(queue.state('a')).toBe('idle');
  });

  it('idle(key) resolves only after the rerun finished', async () => {
    const { queue, finish } = harness(1);
    queue.enqueue('a');
    queue.enqueue('a');
    let idle = false;
    void queue.idle('a').then(() => (idle = true));
    await finish('a');
    expect(idle).toBe(false);
    await finish('a');
    expect(idle).toBe(true);
  });

  it('abort(key) cancels the running pass and frees its slot', async () => {
    const { queue, started, aborted } = harness(1);
    queue.enqueue('a');
    queue.enqueue('b');
    queue.abort('a', new Error('deleted'));
    await queue.idle('a');
    expect(aborted).toEqual(['a']);
    expect(started).toEqual(['a', 'b']);
  });

  it('stop() aborts everything and drops the waiting keys', async () => {
    const { queue, started, aborted } = harness(1);
    queue.enqueue('a');
    queue.enqueue('b');
    await queue.stop();
    expect(aborted).toEqual(['a']);
    expect(started).toEqual(['a']);
    queue.enqueue('c');
    expect(queue.state('c')).toBe('idle');
  });

  it('pause() stops the work and ignores requests until unpause(), without a rerun', async () => {
    const { queue, started, aborted, finish } = harness(1);
    queue.enqueue('a');
    queue.enqueue('a');
    queue.enqueue('b');
    await queue.pause(new Error('lease lost'));
    expect(aborted).toEqual(['a']);
    queue.enqueue('c');
    expect(queue.state('a')).toBe('idle');
    expect(queue.state('c')).toBe('idle');
    expect(queue.isPaused).toBe(true);
    queue.unpause();
    queue.enqueue('c');
    expect(started).toEqual(['a', 'c']);
    await finish('c');
    expect(queue.state('c')).toBe('idle');
  });

  it('starts paused when asked: nothing runs until unpause()', () => {
    const { queue, started } = harness(2, true);
    queue.enqueue('a');
    expect(started).toEqual([]);
    expect(queue.state('a')).toBe('idle');
    queue.unpause();
    queue.enqueue('a');
    expect(started).toEqual(['a']);
  });

  it('runs uncapped keys (deletes) at once, however many capped ones hold the slots', async () => {
    const { queue, started, finish } = harness(1, false, (key) => key.startsWith('delete'));
    for (const key of ['a', 'b', 'delete-1', 'delete-2', 'c']) queue.enqueue(key);
    expect(started).toEqual(['a', 'delete-1', 'delete-2']);
    await finish('delete-1');
    expect(started).toEqual(['a', 'delete-1', 'delete-2']);
    await finish('a');
    expect(started).toEqual(['a', 'delete-1', 'delete-2', 'b']);
    expect(queue.state('c')).toBe('queued');
  });
});
