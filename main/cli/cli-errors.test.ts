import { describe, expect, it } from 'vitest';
import { describeError, exitCodeFor } from './cli-errors';

describe('cli errors', () => {
  it('maps refused input to exit 2 and every other failure to exit 1', () => {
    expect(exitCodeFor({ code: 'invalid_request', message: 'x' })).toBe(2);
    expect(exitCodeFor({ code: 'not_available', message: 'x' })).toBe(1);
    expect(exitCodeFor({ code: 'not_found', message: 'x' })).toBe(1);
    expect(exitCodeFor({ code: 'cluster_unreachable', message: 'x' })).toBe(1);
  });

  it('names the flag the user typed instead of the request field', () => {
    expect(
      describeError({
        code: 'invalid_request',
        message: 'adminEmail: Admin email must be a valid email address',
      }),
    ).toBe('--email: Admin email must be a valid email address');
    expect(
      describeError({ code: 'invalid_request', message: 'name: Store name must be at most 40 characters' }),
    ).toBe('<name>: Store name must be at most 40 characters');
  });

  it("names the --tail flag with the contract's list of allowed values", () => {
    expect(
      describeError({
        code: 'invalid_request',
        message: 'tailLines: Line count must be one of 50, 100, 200, 500',
      }),
    ).toBe('--tail: Line count must be one of 50, 100, 200, 500');
  });

  it('keeps messages that are not about a known field, on one line', () => {
    expect(
      describeError({ code: 'conflict', message: 'A store named "Shop" already exists:\nrename it' }),
    ).toBe('A store named "Shop" already exists: rename it');
  });
});
