import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpText, loadText } from './sql-text.js';
import { packUstar, unpackUstar } from './ustar.js';
import { searchReplace } from './wp-search-replace.js';
import { WpState } from './wp-state.js';
import { applyTables, emptyState, tablesOf } from './wp-tables.js';

const shop = () =>
  new WpState({
    url: 'http://shop.localhost',
    title: 'Bob\'s "Café"\nshop',
    adminUser: 'admin',
    adminPassword: 'pw',
    adminEmail: 'a@shop.localhost',
  });

describe('the sim database and file tools', () => {
  it('loads what it dumps: options, users, roles and active plugins come back equal', () => {
    const source = shop();
    source.applyStoreSetup();
    const sql = dumpText(tablesOf(source), 'wordpress', '8.4.10', '2026-01-01 00:00:00');
    expect(sql).toContain('-- Server version\t8.4.10');
    const target = emptyState();
    const tables = tablesOf(target);
    expect(loadText(sql, tables)).toBeNull();
    applyTables(target, tables);
    expect(dumpText(tablesOf(target), 'wordpress', '8.4.10', 'x')).toBe(
      dumpText(tablesOf(source), 'wordpress', '8.4.10', 'x'),
    );
    expect(target.activePlugins.has('woocommerce')).toBe(true);
  });

  it('stops at a truncated statement, keeping the statements before it (mysql without --force)', () => {
    const sql = dumpText(tablesOf(shop()), 'wordpress', '8.4.10', 'x');
    const cut = sql.slice(0, sql.indexOf('INSERT INTO `wp_users`') + 40);
    const tables = tablesOf(emptyState());
    const error = loadText(cut, tables);
    expect(error?.message).toMatch(/SQL syntax/);
    expect(tables.get('wp_options')?.length).toBeGreaterThan(0);
  });

  it('search-replace keeps serialized string lengths right', () => {
    const state = shop();
    state.options.set('widget', 'a:1:{s:3:"url";s:21:"http://shop.localhost";}');
    const r = searchReplace(state, ['http://shop.localhost', 'http://copy.localhost:8080'], {
      'all-tables': true,
    });
    expect(r.stdout).toBe('Success: Made 3 replacements.\n');
    expect(state.options.get('widget')).toBe('a:1:{s:3:"url";s:26:"http://copy.localhost:8080";}');
    expect(state.options.get('siteurl')).toBe('http://copy.localhost:8080');
  });

  it('writes a tar that GNU tar reads, and reads one GNU tar wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-tar-'));
    try {
      const long = `uploads/${'d'.repeat(80)}/${'f'.repeat(60)}.bin`;
      const data = Buffer.from([0, 255, 10, 13, 1, 2, 3]);
      writeFileSync(
        join(dir, 'a.tar'),
        packUstar(
          [
            [long, data],
            ['plugins/x.php', Buffer.from('<?php')],
          ],
          ['uploads'],
          0,
        ),
      );
      expect(execFileSync('tar', ['-tf', join(dir, 'a.tar')], { encoding: 'utf8' })).toContain(long);
      execFileSync('tar', ['-C', dir, '-xf', join(dir, 'a.tar')]);
      expect(readFileSync(join(dir, long))).toEqual(data);
      execFileSync('tar', ['-C', dir, '--format=ustar', '-cf', join(dir, 'b.tar'), 'plugins']);
      const back = unpackUstar(readFileSync(join(dir, 'b.tar')));
      expect(back).toEqual({ files: [['plugins/x.php', Buffer.from('<?php')]] });
      expect(unpackUstar(readFileSync(join(dir, 'b.tar')).subarray(0, 700))).toHaveProperty('error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
