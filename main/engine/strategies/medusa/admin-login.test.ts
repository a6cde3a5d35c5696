// The one-time admin login of a MedusaJS store, end to end but for the cluster: the ticket the
// engine makes, written by the very script it execs into the server container, is claimed by
// our template's own claim logic (src/login/login-tickets.ts) once, and refused after that,
// after its minute, or for a token nobody issued.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_TICKET_TTL_SECONDS, newLoginTicket } from '../login-ticket';
import { MEDUSA_LOGIN_PATH, medusaLoginUrl, medusaTicketScript } from './admin-login';
import { claimTicket, sweepTickets } from './app/src/login/login-tickets';

let dir: string;
const now = () => Math.floor(Date.now() / 1000);

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'medusa-login-')), 'storedeck-login');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

function place(ticket: ReturnType<typeof newLoginTicket>): void {
  const run = spawnSync('sh', ['-c', medusaTicketScript(ticket.fileName, dir)], {
    input: ticket.content,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

describe('Medusa one-time admin login', () => {
  it('signs the admin in once: the second claim of the same token is refused', async () => {
    const ticket = newLoginTicket('owner@example.com');
    place(ticket);
    expect(readdirSync(dir)).toEqual([ticket.fileName]);
    expect(await claimTicket(dir, ticket.token, now())).toEqual({ ok: true, email: 'owner@example.com' });
    expect(readdirSync(dir)).toEqual([]);
    expect(await claimTicket(dir, ticket.token, now())).toEqual({
      ok: false,
      reason: expect.stringMatching(/already used/),
    });
  });

  it('refuses a ticket past its minute, and removes it', async () => {
    const ticket = newLoginTicket('owner@example.com', Date.now() - (LOGIN_TICKET_TTL_SECONDS + 1) * 1000);
    place(ticket);
    expect(await claimTicket(dir, ticket.token, now())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expired/),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a token nobody issued and a malformed one, touching no ticket', async () => {
    const real = newLoginTicket('owner@example.com');
    place(real);
    expect(await claimTicket(dir, newLoginTicket('owner@example.com').token, now())).toMatchObject({
      ok: false,
    });
    expect(await claimTicket(dir, '../../etc/passwd', now())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not valid/),
    });
    expect(await claimTicket(dir, undefined, now())).toMatchObject({ ok: false });
    expect(readdirSync(dir)).toEqual([real.fileName]);
  });

  it('sweeps tickets that expired unclaimed and keeps fresh ones', async () => {
    const stale = newLoginTicket('owner@example.com', Date.now() - 120_000);
    const fresh = newLoginTicket('owner@example.com');
    place(stale);
    place(fresh);
    writeFileSync(path.join(dir, `${'0'.repeat(64)}.json`), 'not json');
    await sweepTickets(dir, now());
    expect(readdirSync(dir)).toEqual([fresh.fileName]);
  });

  it('keeps the token out of the request: it rides in the fragment of the route on the store URL', () => {
    const { token } = newLoginTicket('owner@example.com');
    const url = new URL(medusaLoginUrl('http://shop.localhost:8080/', token));
    expect(`${url.origin}${url.pathname}`).toBe(`http://shop.localhost:8080${MEDUSA_LOGIN_PATH}`);
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
  });

  it('puts nothing secret in the exec command line, and refuses a ticket name it did not make', () => {
    const ticket = newLoginTicket('owner@example.com');
    const script = medusaTicketScript(ticket.fileName);
    expect(script).not.toContain(ticket.token);
    expect(script).not.toContain('owner@example.com');
    expect(() => medusaTicketScript('../x.json')).toThrow(/unexpected ticket name/);
  });
});
