// Container-scoped faults and the kubelet's FallbackToLogsOnError termination message.
import { describe, expect, it } from 'vitest';
import { LogInstance } from '../logs/log-instance.js';
import { crashes, fallbackTerminationMessage, unready } from './container-faults.js';

const log = (lines: string[]) =>
  new LogInstance({ lines: lines.map((t, i) => ({ offset: i, text: () => t })) }, 1000);

describe('container faults', () => {
  it('aim at one container of a pod, not at every container of its image', () => {
    const faults = { containerCrashPattern: '^medusa-server-[^/]+/migrate$' };
    expect(crashes(faults, 'node:22', 'medusa-server-7d9f-abcde', 'migrate')).toBe(true);
    expect(crashes(faults, 'node:22', 'medusa-server-7d9f-abcde', 'server')).toBe(false);
    expect(crashes({ crashLoopPattern: '^node:' }, 'node:22', 'storefront-1', 'storefront')).toBe(true);
    expect(unready({ containerUnreadyPattern: '/storefront$' }, 'storefront-1', 'storefront')).toBe(true);
    expect(unready({}, 'storefront-1', 'storefront')).toBe(false);
  });

  it('leave the log tail as the message of an error exit only under FallbackToLogsOnError', () => {
    const instance = log(['starting', 'boom']);
    expect(fallbackTerminationMessage('FallbackToLogsOnError', 1, instance, 2000)).toBe('starting\nboom\n');
    expect(fallbackTerminationMessage('File', 1, instance, 2000)).toBeUndefined();
    expect(fallbackTerminationMessage(undefined, 1, instance, 2000)).toBeUndefined();
    expect(fallbackTerminationMessage('FallbackToLogsOnError', 0, instance, 2000)).toBeUndefined();
  });

  it('keep the message within the kubelet’s 80 lines and 2 KiB', () => {
    const many = log(Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`));
    const message = fallbackTerminationMessage('FallbackToLogsOnError', 1, many, 10_000) as string;
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(2048);
    expect(message.endsWith(`line 199 ${'x'.repeat(40)}\n`)).toBe(true);
    const short = log(Array.from({ length: 100 }, (_, i) => `l${i}`));
    expect(
      (fallbackTerminationMessage('FallbackToLogsOnError', 1, short, 10_000) as string).split('\n')[0],
    ).toBe('l20');
  });
});
