import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  presentedToken,
  sessionCookie,
  tokensEqual,
} from './host-guard';

describe('host guard', () => {
  it('accepts only loopback Host headers with our port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('accepts a missing Origin (non-browser clients) but not a foreign one', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://attacker.example', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
    expect(tokensEqual(null, 'abc')).toBe(false);
  });

  it('reads the token from a Bearer header or the session cookie', () => {
    expect(bearerToken('Bearer t0k')).toBe('t0k');
    expect(bearerToken('Basic t0k')).toBeNull();
    expect(cookieValue('a=1; storedeck_token=xyz; b=2', 'storedeck_token')).toBe('xyz');
    expect(cookieValue('xstoredeck_token=xyz', 'storedeck_token')).toBeNull();
    expect(presentedToken({ cookie: 'storedeck_token=c' })).toBe('c');
    expect(presentedToken({ authorization: 'Bearer h', cookie: 'storedeck_token=c' })).toBe('h');
    expect(presentedToken({})).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', () => {
    expect(sessionCookie('t')).toBe('storedeck_token=t; HttpOnly; SameSite=Strict; Path=/');
  });
});
