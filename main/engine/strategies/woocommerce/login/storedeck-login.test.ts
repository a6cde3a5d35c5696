// The login plugin's PHP logic under Debian's php-cli, with WordPress's functions stubbed
// (wp-stubs.fixture.php): a ticket from newLoginTicket is accepted once, refused the second
// time, refused after expiry, and a made-up token is refused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_PLUGIN_PHP } from './login-plugin';
import { newLoginTicket } from '../../login-ticket';
import { runLoginPlugin } from './login-plugin-php.fixture';

let content: string;
let plugin: string;

beforeEach(() => {
  content = mkdtempSync(path.join(tmpdir(), 'storedeck-login-'));
  mkdirSync(path.join(content, 'storedeck-login'));
  plugin = path.join(content, 'storedeck-login.php');
  writeFileSync(plugin, LOGIN_PLUGIN_PHP);
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

const run = (method: 'GET' | 'POST', token: string) =>
  runLoginPlugin({ contentDir: content, plugin }, method, token);

/** The page's POST of a token, as the browser sends it after reading the fragment. */
function request(token: string): Record<string, unknown> {
  return run('POST', token).outcome as Record<string, unknown>;
}

function place(ticket: ReturnType<typeof newLoginTicket>): void {
  writeFileSync(path.join(content, 'storedeck-login', ticket.fileName), ticket.content);
}

describe('storedeck-login.php', () => {
  it('is valid PHP', () => {
    expect(execFileSync('php', ['-l', plugin], { encoding: 'utf8' })).toMatch(/No syntax errors/);
  });

  it('answers the link itself with a page that posts the fragment, claiming nothing', () => {
    const ticket = newLoginTicket('shopadmin');
    place(ticket);
    const { page, outcome } = run('GET', ticket.token);
    expect(outcome).toBeNull();
    expect(page).toContain('<form method="post" action="/?storedeck_login">');
    expect(page).toContain('name="storedeck_login_token"');
    expect(page).toContain('location.hash.slice(1)');
    expect(page).not.toContain(ticket.token);
    expect(readdirSync(path.join(content, 'storedeck-login'))).toEqual([ticket.fileName]);
  });

  it('signs the admin in once and sends them to wp-admin', () => {
    const ticket = newLoginTicket('shopadmin');
    place(ticket);
    expect(request(ticket.token)).toEqual({ login: 1, redirect: 'http://shop.localhost/wp-admin/' });
    expect(readdirSync(path.join(content, 'storedeck-login'))).toEqual([]);
    expect(request(ticket.token)).toMatchObject({
      status: 403,
      denied: expect.stringMatching(/already used/),
    });
  });

  it('refuses an expired ticket and removes it', () => {
    const ticket = newLoginTicket('shopadmin', Date.now() - 61_000);
    place(ticket);
    expect(request(ticket.token)).toMatchObject({ status: 403, denied: expect.stringMatching(/expired/) });
    expect(existsSync(path.join(content, 'storedeck-login', ticket.fileName))).toBe(false);
  });

  it('refuses a token it has no ticket for, and a malformed one', () => {
    place(newLoginTicket('shopadmin'));
    expect(request(newLoginTicket('shopadmin').token)).toMatchObject({ status: 403 });
    expect(request('../../wp-config')).toMatchObject({
      status: 403,
      denied: expect.stringMatching(/not valid/),
    });
  });

  it('refuses a ticket for a user who is not an administrator', () => {
    const ticket = newLoginTicket('someone-else');
    place(ticket);
    expect(request(ticket.token)).toMatchObject({
      status: 403,
      denied: expect.stringMatching(/does not exist/),
    });
  });

  it('sweeps tickets that expired unclaimed', () => {
    const stale = newLoginTicket('shopadmin', Date.now() - 120_000);
    place(stale);
    const fresh = newLoginTicket('shopadmin');
    place(fresh);
    request(newLoginTicket('shopadmin').token);
    expect(readdirSync(path.join(content, 'storedeck-login'))).toEqual([fresh.fileName]);
  });
});
