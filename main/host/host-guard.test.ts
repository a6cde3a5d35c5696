import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  isAllowedHost,
  isAllowedOrigin,
  presentedToken,
  subprotocolToken,
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

  it('reads the token from a Bearer header, and from the subprotocol only on an upgrade', () => {
    expect(bearerToken('Bearer t0k')).toBe('t0k');
    expect(bearerToken('Basic t0k')).toBeNull();
    expect(subprotocolToken('storedeck.events, storedeck.token.abc')).toBe('abc');
    expect(subprotocolToken(['storedeck.events', 'storedeck.token.def'])).toBe('def');
    expect(subprotocolToken('storedeck.events')).toBeNull();
    expect(presentedToken({ authorization: 'Bearer h' })).toBe('h');
    expect(presentedToken({ 'sec-websocket-protocol': 'storedeck.token.w' })).toBeNull();
    expect(presentedToken({ 'sec-websocket-protocol': 'storedeck.token.w' }, true)).toBe('w');
    // A cookie is no longer a way in: cookies are not scoped by port.
    expect(presentedToken({ cookie: 'storedeck_token=c' })).toBeNull();
    expect(presentedToken({})).toBeNull();
  });
});
