import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { openState } from './open-state';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it.runIf(process.platform !== 'win32')(
    'keeps the database and its WAL files owner-only, even under umask 0',
    () => {
      const file = path.join(dir, 'storedeck.db');
      const previous = process.umask(0o000);
      try {
        const db = openDatabase(file);
        db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
        db.close();
      } finally {
        process.umask(previous);
      }
    },
  );

  it.runIf(process.platform !== 'win32')(
    'tightens a database file an older version left world-readable',
    () => {
      const file = path.join(dir, 'storedeck.db');
      writeFileSync(file, '');
      chmodSync(file, 0o644);
      openDatabase(file).close();
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it('uses WAL, foreign keys and a busy timeout on a file database', () => {
    const file = path.join(dir, 'storedeck.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    expect(existsSync(`${file}-wal`)).toBe(true);
    db.close();
  });

  it('opens an in-memory database with foreign keys enforced', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO provisioning_events (store_id, step, status, message, timestamp) VALUES ('nope', 's', 'started', '', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });

  it('lets a second connection (the CLI next to the app) read what the first committed', () => {
    const file = path.join(dir, 'shared.db');
    const app = openState(file);
    const cli = openState(file);
    const created = app.stores.insert({
      name: 'Shared',
      slug: 'shared',
      namespace: 'store-shared',
      plan: 'woocommerce',
      context: 'kind-dev',
      adminEmail: 'a@example.com',
    });
    expect(created.ok).toBe(true);
    expect(cli.stores.list().map((s) => s.slug)).toEqual(['shared']);
    app.close();
    cli.close();
  });

  it('keeps a committed write when the process is killed before closing the database', () => {
    const file = path.join(dir, 'crash.db');
    const script = `
      import { openState } from ${JSON.stringify(path.join(here, 'open-state.ts'))};
      const state = openState(${JSON.stringify(file)});
      const result = state.stores.insert({ id: 'survivor', name: 'Survivor', slug: 'survivor',
        namespace: 'store-survivor', plan: 'woocommerce', context: 'kind-dev', adminEmail: 's@example.com' });
      state.events.add('survivor', 'namespace', 'started', 'Creating namespace');
      if (!result.ok) process.exit(3);
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');

    const state = openState(file);
    expect(state.stores.get('survivor')).toMatchObject({ name: 'Survivor', status: 'Queued' });
    expect(state.events.list('survivor').map((e) => e.message)).toEqual(['Creating namespace']);
    state.close();
  });
});
