import { describe, expect, it } from 'vitest';
import { readSavedLog, stripTimestamp, type SavedLogs } from './saved-logs';

const meta = {
  pod: 'woocommerce-setup-x1',
  container: 'wp-cli',
  component: 'setup',
  outcome: 'failed' as const,
  savedAt: '2026-12-01T10:00:00.000Z',
  lineCount: 3,
  truncated: false,
};
const saved: SavedLogs = {
  list: () => [meta],
  read: (pod) =>
    pod === undefined || pod === meta.pod
      ? {
          meta,
          lines: [
            '2026-12-01T09:59:58.100000000Z Downloading WordPress',
            '2026-12-01T09:59:59.000000000Z Error: Could not connect',
            '2026-12-01T10:00:00.250000000Z exit 1',
          ],
        }
      : null,
};

describe('readSavedLog', () => {
  it('tails the saved lines, without the kubelet timestamps unless asked', () => {
    expect(readSavedLog(saved, { pod: 'setup', tailLines: 2 })).toEqual({
      ok: true,
      value: { pod: meta.pod, container: 'wp-cli', lines: ['Error: Could not connect', 'exit 1'] },
    });
    const stamped = readSavedLog(saved, { pod: meta.pod, tailLines: 1, timestamps: true });
    expect(stamped.ok && stamped.value.lines).toEqual(['2026-12-01T10:00:00.250000000Z exit 1']);
  });

  it('says when there is nothing saved', () => {
    const none = readSavedLog(saved, { pod: 'other-pod', tailLines: 10 });
    expect(none.ok ? null : none.error).toEqual({
      code: 'not_found',
      message: 'No saved log of pod other-pod',
    });
  });

  it('strips only a leading RFC 3339 stamp', () => {
    expect(stripTimestamp('2026-12-01T10:00:00Z plain')).toBe('plain');
    expect(stripTimestamp('at 2026-12-01T10:00:00Z x')).toBe('at 2026-12-01T10:00:00Z x');
  });
});
