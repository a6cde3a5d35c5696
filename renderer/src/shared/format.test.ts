import { describe, expect, it } from 'vitest';
import { asSentence, formatAmount, formatClock, formatDuration, formatUptime } from './format';

describe('format', () => {
  it('a reason becomes one sentence with one full stop', () => {
    expect(asSentence('nothing is listening at its address (connection refused)')).toBe(
      'nothing is listening at its address (connection refused).',
    );
    expect(asSentence('its certificate is not the one in the kubeconfig; was the cluster recreated?')).toBe(
      'its certificate is not the one in the kubeconfig; was the cluster recreated?',
    );
    expect(asSentence('no answer within 3 s. ')).toBe('no answer within 3 s.');
  });

  it('durations read naturally at every scale', () => {
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });

  it('uptime and amounts', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime(42)).toBe('42 s');
    expect(formatUptime(600)).toBe('10 min');
    expect(formatUptime(7_500)).toBe('2 h 5 min');
    expect(formatUptime(90_000)).toBe('1 d 1 h');
    expect(formatAmount('256Mi')).toBe('256Mi');
    expect(formatAmount(null)).toBe('—');
  });

  it('an unreadable time is shown as it came', () => {
    expect(formatClock('soon')).toBe('soon');
  });
});
