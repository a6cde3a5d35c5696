import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { LeaseHolder } from '../state/worker-lease';
import { carriesOn, describeWorker, followNote } from './worker-note';

const holder = (over: Partial<LeaseHolder> = {}): LeaseHolder => ({
  owner: 'o',
  pid: 77,
  host: hostname(),
  mode: 'web',
  acquiredAt: '2025-01-01T00:00:00Z',
  heartbeatAt: '2025-01-01T00:00:00Z',
  live: true,
  ...over,
});

describe('worker notes', () => {
  it('name the holder by role and pid, and its machine only when it is another one', () => {
    expect(describeWorker(holder())).toBe('the Storedeck web host (pid 77)');
    expect(describeWorker(holder({ mode: 'cli', host: 'build-box' }))).toBe(
      'a `storedeck … --wait` command (pid 77 on build-box)',
    );
  });

  it('say where an interrupted wait carries on', () => {
    expect(carriesOn({ working: false, holder: holder({ mode: 'desktop' }) })).toBe(
      'continues in the Storedeck app (pid 77)',
    );
    // This process was the worker: whoever runs next (an open app at once) takes over.
    expect(carriesOn({ working: true, holder: holder() })).toMatch(
      /^continues in the Storedeck app if it is open/,
    );
  });

  it('say nothing before a wait when this process does the work itself', () => {
    expect(followNote({ working: true, holder: holder() })).toBeNull();
    expect(followNote({ working: false, holder: holder({ live: false }) })).toMatch(/stopped answering/);
  });
});
