import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ENV, makeFakeSite } from './fake-wp.fixture';
import { PASSWORD_RESET_SCRIPT, SETUP_SCRIPT } from './setup-script';

const ALL_STEPS = [
  'core install',
  'plugin install woocommerce 10.7.0',
  'plugin activate',
  'rewrite structure',
  'wc tool run install_pages',
  'wc product create',
  'option update woocommerce_cod_settings',
  'option update woocommerce_coming_soon',
  'option update woocommerce_onboarding_profile',
  'transient delete',
  'rewrite flush',
];

describe('setup script passes shellcheck as POSIX sh', () => {
  it.each([
    ['setup', SETUP_SCRIPT],
    ['password reset', PASSWORD_RESET_SCRIPT],
  ])('%s', (_name, script) => {
    const file = join(mkdtempSync(join(tmpdir(), 'shellcheck-')), 'script.sh');
    writeFileSync(file, script);
    const result = spawnSync('shellcheck', ['-s', 'sh', file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('setup script control flow (fake wp)', () => {
  it('a fresh run does every step and leaves an orderable, public store', () => {
    const site = makeFakeSite();
    const result = site.run(SETUP_SCRIPT);
    expect(result.stderr).not.toContain('fake wp does not know');
    expect(result.status).toBe(0);
    expect(site.lines('writes')).toEqual(ALL_STEPS);
    expect(site.read('admin_password')).toBe(SITE_ENV.WP_ADMIN_PASSWORD);
    expect(site.read('opt_blogname')?.trim()).toBe(SITE_ENV.WP_TITLE);
    expect(site.read('opt_permalink_structure')?.trim()).toBe('/%postname%/');
    expect(site.products()).toEqual([{ name: 'Sample Product', price: '19.99', virtual: 'true' }]);
    expect(site.read('opt_woocommerce_cod_settings')).toContain('"enabled":"yes"');
    expect(site.read('opt_woocommerce_coming_soon')?.trim()).toBe('no');
    expect(site.read('transient__wc_activation_redirect')).toBeNull();
    expect(result.stdout).toContain('storedeck: setup complete');
  });

  it('never puts the admin password on a command line', () => {
    const site = makeFakeSite();
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    expect(site.read('calls')).not.toContain(SITE_ENV.WP_ADMIN_PASSWORD);
  });

  it('a second run changes nothing', () => {
    const site = makeFakeSite();
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    const writes = site.lines('writes');
    const second = site.run(SETUP_SCRIPT);
    expect(second.status).toBe(0);
    expect(site.lines('writes')).toEqual(writes);
    expect(second.stdout).toContain('core install: already done');
    expect(site.products()).toHaveLength(1);
  });

  it('a run after a partial first run finishes the work without duplicating the product', () => {
    const site = makeFakeSite();
    site.set('fail_once', 'wc product create');
    const first = site.run(SETUP_SCRIPT);
    expect(first.status).not.toBe(0);
    expect(first.stderr).toContain('injected failure');
    expect(site.products()).toEqual([]);
    expect(site.lines('writes')).toEqual(ALL_STEPS.slice(0, 5));

    const second = site.run(SETUP_SCRIPT);
    expect(second.status).toBe(0);
    expect(site.lines('writes').slice(5)).toEqual(ALL_STEPS.slice(5));
    expect(site.products()).toHaveLength(1);

    const third = site.run(SETUP_SCRIPT);
    expect(third.status).toBe(0);
    expect(site.lines('writes')).toHaveLength(ALL_STEPS.length);
  });

  it('a failure right after the product was created does not create a second one on re-run', () => {
    const site = makeFakeSite();
    site.set('fail_once', 'option update woocommerce_cod_settings');
    expect(site.run(SETUP_SCRIPT).status).not.toBe(0);
    expect(site.products()).toHaveLength(1);
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    expect(site.products()).toHaveLength(1);
    expect(site.read('opt_woocommerce_cod_settings')).toContain('"enabled":"yes"');
  });

  it('repairs a store whose pages were deleted and whose shop went back to coming-soon', () => {
    const site = makeFakeSite();
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    const cartId = site.read('opt_woocommerce_cart_page_id')!.trim();
    site.set(`post_${cartId}`, 'trash');
    site.set('opt_woocommerce_coming_soon', 'yes');
    const before = site.lines('writes').length;
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    expect(site.lines('writes').slice(before)).toEqual([
      'wc tool run install_pages',
      'option update woocommerce_coming_soon',
      'rewrite flush',
    ]);
  });

  it('waits for the database, bounded, before touching WordPress', () => {
    const site = makeFakeSite();
    site.set('db_down', '3');
    const result = site.run(SETUP_SCRIPT);
    expect(result.status).toBe(0);
    expect(site.lines('sleeps')).toHaveLength(3);
    expect(result.stdout).toContain('database is answering');
  });

  it('gives up with a clear message when the database never answers', () => {
    const site = makeFakeSite();
    site.set('db_down', '1000');
    const result = site.run(SETUP_SCRIPT);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('database mysql did not answer within 3 minutes');
    expect(site.lines('sleeps')).toHaveLength(90);
    expect(site.read('calls')).toBeNull();
  });

  it('gives up when WordPress never put its files on the volume', () => {
    const site = makeFakeSite({ withConfig: false });
    const result = site.run(SETUP_SCRIPT);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('wp-config.php never appeared');
  });
});

describe('setup script keeps the admin password in step with the Secret', () => {
  it('sets it again when it drifted (e.g. the install prompt got nothing)', () => {
    const site = makeFakeSite();
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    site.set('admin_password', 'changed-elsewhere');
    const before = site.lines('writes').length;
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    expect(site.read('admin_password')).toBe(SITE_ENV.WP_ADMIN_PASSWORD);
    expect(site.lines('writes').slice(before)).toEqual(['eval set password', 'rewrite flush']);
  });
});

describe('password reset script (fake wp)', () => {
  it('applies the password from env to an installed site', () => {
    const site = makeFakeSite();
    expect(site.run(SETUP_SCRIPT).status).toBe(0);
    const result = site.run(PASSWORD_RESET_SCRIPT, { WP_ADMIN_PASSWORD: 'brand-new-one' });
    expect(result.status).toBe(0);
    expect(site.read('admin_password')).toBe('brand-new-one');
    expect(site.read('calls')).not.toContain('brand-new-one');
  });

  it('refuses clearly when the site was never set up', () => {
    const site = makeFakeSite();
    const result = site.run(PASSWORD_RESET_SCRIPT);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('WordPress is not installed yet');
  });
});
