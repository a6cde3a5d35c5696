import { describe, expect, it } from 'vitest';
import { basePrograms, createShell, type StdinBuffer } from './shell-run.js';
import { wpProgram, type WpSite } from './wp-cli.js';
import { WpState } from './wp-state.js';

const stdin = (data = ''): StdinBuffer => ({ data, consumed: false });

function site(installed: boolean, reachable = true): WpSite & { current?: WpState } {
  const s: WpSite & { current?: WpState } = {
    current: installed
      ? new WpState({
          url: 'http://shop.localhost',
          title: 'Shop',
          adminUser: 'admin',
          adminPassword: 'old',
          adminEmail: 'a@example.com',
        })
      : undefined,
    state: () => s.current,
    install: (input) => (s.current = new WpState(input)),
    adopt: (state) => {
      s.current = state;
    },
    databaseReachable: () => reachable,
  };
  return s;
}

const shellWith = (wp: WpSite | undefined, uid = 33) =>
  createShell({
    hostname: 'wordpress-abc-xyz',
    uid,
    programs: { ...basePrograms(), ...(wp ? { wp: wpProgram(wp) } : {}) },
  });

describe('the exec shell', () => {
  it('runs echo, printf, quotes, variables and command substitution', () => {
    const sh = shellWith(undefined);
    const r = sh.run(
      `NAME=world; echo "hello $NAME" 'lit $NAME'; printf '%s-%s\\n' a b; echo $(echo inner)`,
      {},
      stdin(),
    );
    expect(r).toEqual({ stdout: 'hello world lit $NAME\na-b\ninner\n', stderr: '', exitCode: 0 });
  });

  it('handles && || ; exit codes, set -e and exit', () => {
    const sh = shellWith(undefined);
    expect(sh.run('false && echo no || echo yes', {}, stdin()).stdout).toBe('yes\n');
    expect(sh.run('true; false', {}, stdin()).exitCode).toBe(1);
    expect(sh.run('set -e; false; echo unreachable', {}, stdin())).toMatchObject({ stdout: '', exitCode: 1 });
    expect(sh.run('set -e; false || echo guarded; echo after', {}, stdin()).stdout).toBe('guarded\nafter\n');
    expect(sh.run('echo a; exit 3; echo b', {}, stdin())).toMatchObject({ stdout: 'a\n', exitCode: 3 });
  });

  it('pipes, reads stdin once, redirects and cats files', () => {
    const sh = shellWith(undefined);
    expect(sh.run('cat', {}, stdin('secret')).stdout).toBe('secret');
    expect(sh.run('echo piped | cat', {}, stdin()).stdout).toBe('piped\n');
    expect(sh.run('echo x > /tmp/f; cat /tmp/f; echo y >> /tmp/f; cat /tmp/f', {}, stdin()).stdout).toBe(
      'x\nx\ny\n',
    );
    expect(sh.run('cat /etc/hostname', {}, stdin()).stdout).toBe('wordpress-abc-xyz\n');
    expect(sh.run('cat /nope', {}, stdin())).toMatchObject({
      stderr: 'cat: /nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(sh.run('cat /nope 2>/dev/null', {}, stdin()).stderr).toBe('');
    expect(sh.run('cat /nope 2>&1', {}, stdin()).stdout).toContain('No such file');
    expect(sh.run('echo oops >&2', {}, stdin())).toMatchObject({ stdout: '', stderr: 'oops\n' });
  });

  it('moves, removes and guards files with coreutils', () => {
    const sh = shellWith(undefined);
    sh.run('echo a > /tmp/a && mv /tmp/a /tmp/b && mkdir -p /tmp/d && chmod 0700 /tmp/d', {}, stdin());
    expect(sh.run('cat /tmp/b', {}, stdin()).stdout).toBe('a\n');
    expect(sh.run('cat /tmp/a', {}, stdin()).exitCode).toBe(1);
    expect(sh.run('rm /tmp/b && rm -f /tmp/b && rm /tmp/b', {}, stdin()).stderr).toMatch(/cannot remove/);
  });

  it('answers unknown commands with exit 127 and syntax errors with exit 2', () => {
    const sh = shellWith(undefined);
    expect(sh.run('frobnicate --now', {}, stdin())).toEqual({
      stdout: '',
      stderr: 'sh: frobnicate: not found\n',
      exitCode: 127,
    });
    expect(sh.run('echo "unterminated', {}, stdin()).exitCode).toBe(2);
    expect(sh.run('sleep 1 & wait', {}, stdin()).exitCode).toBe(2);
  });

  it('has no wp where the image has none', () => {
    expect(shellWith(undefined).run('wp option get siteurl', {}, stdin())).toMatchObject({
      stderr: 'sh: wp: not found\n',
      exitCode: 127,
    });
  });
});

describe('wp (WP-CLI)', () => {
  it('resets a password with --user_pass and with --prompt from stdin', () => {
    const s = site(true);
    const sh = shellWith(s);
    expect(sh.run('wp user update admin --user_pass=n3w --allow-root', {}, stdin())).toEqual({
      stdout: 'Success: Updated user 1.\n',
      stderr: '',
      exitCode: 0,
    });
    expect(sh.run('wp user check-password admin n3w', {}, stdin()).exitCode).toBe(0);
    expect(sh.run('wp user check-password admin old', {}, stdin()).exitCode).toBe(1);
    expect(sh.run('wp user update admin --prompt=user_pass', {}, stdin('fr0m-stdin\n')).stdout).toBe(
      'Success: Updated user 1.\n',
    );
    expect(sh.run('wp user check-password admin fr0m-stdin', {}, stdin()).exitCode).toBe(0);
    expect(sh.run(`P='q"uote'; wp user update admin --user_pass="$P"`, {}, stdin()).exitCode).toBe(0);
    expect(sh.run(`wp user check-password admin 'q"uote'`, {}, stdin()).exitCode).toBe(0);
  });

  it('reports unknown users, options and commands like WP-CLI', () => {
    const sh = shellWith(site(true));
    expect(sh.run('wp user update bob --user_pass=x', {}, stdin())).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining("Invalid user ID, email or login: 'bob'"),
    });
    expect(sh.run('wp option get siteurl', {}, stdin()).stdout).toBe('http://shop.localhost\n');
    expect(sh.run('wp option get nope', {}, stdin())).toMatchObject({
      exitCode: 1,
      stderr: "Error: Could not get 'nope' option. Does it exist?\n",
    });
    expect(sh.run('wp frob', {}, stdin()).stderr).toContain("'frob' is not a registered wp command");
    expect(sh.run('wp option update blogname Shop2 && wp option get blogname', {}, stdin()).stdout).toBe(
      "Success: Updated 'blogname' option.\nShop2\n",
    );
  });

  it('refuses root without --allow-root, a missing database and a site not installed', () => {
    expect(shellWith(site(true), 0).run('wp option get siteurl', {}, stdin()).stderr).toContain('YIKES');
    expect(shellWith(site(true), 0).run('wp option get siteurl --allow-root', {}, stdin()).exitCode).toBe(0);
    expect(shellWith(site(true, false)).run('wp option get siteurl', {}, stdin()).stderr).toContain(
      'Error establishing a database connection',
    );
    const fresh = site(false);
    const sh = shellWith(fresh);
    expect(sh.run('wp core is-installed', {}, stdin()).exitCode).toBe(1);
    expect(sh.run('wp option get siteurl', {}, stdin()).stderr).toContain('not installed');
    const install = sh.run(
      'wp core install --url=http://x.localhost --title=X --admin_user=boss --admin_password=pw --admin_email=b@x.io',
      {},
      stdin(),
    );
    expect(install.stdout).toBe('Success: WordPress installed successfully.\n');
    expect(sh.run('wp core is-installed && wp user get boss --field=user_email', {}, stdin()).stdout).toBe(
      'b@x.io\n',
    );
  });

  it('runs through sh -c like a kubectl exec would', () => {
    const sh = shellWith(site(true));
    const r = sh.programs.sh?.(
      ['-c', 'wp user update admin --user_pass="$(cat)" && echo done'],
      { env: {}, stdin: () => 's3cret', stdinBytes: () => Buffer.from('s3cret') },
      sh,
    );
    expect(r).toEqual({ stdout: 'Success: Updated user 1.\ndone\n', stderr: '', exitCode: 0 });
    expect(sh.run('wp user check-password admin s3cret', {}, stdin()).exitCode).toBe(0);
  });
});
