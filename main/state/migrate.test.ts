import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { StoresRepo } from './stores.repo';

// The latest schema version: checks below hold whatever migrations come after this one.
const LATEST = MIGRATIONS.length;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-migrate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>
  ).map((row) => row.name);
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

describe('migrations', () => {
  it('build the full schema on a fresh database and record every version', () => {
    const db = openDatabase(':memory:');
    expect(tables(db)).toEqual([
      'audit_log',
      'provisioning_events',
      'saved_logs',
      'schema_migrations',
      'settings',
      'stores',
      'worker_lease',
    ]);
    expect(columns(db, 'stores')).toEqual(
      expect.arrayContaining([
        'id',
        'slug',
        'context',
        'admin_email',
        'error_step',
        'desired_json',
        'generation',
      ]),
    );
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'desired-state' },
      { version: 3, name: 'worker-lease' },
      { version: 4, name: 'interrupted-steps' },
      { version: 5, name: 'saved-logs' },
    ]);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('are a no-op when run again on an up-to-date database', () => {
    const file = path.join(dir, 'state.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    const before = db.prepare('SELECT * FROM schema_migrations ORDER BY version').all();
    expect(migrate(db, MIGRATIONS)).toEqual({ from: LATEST, to: LATEST, applied: [] });
    expect(db.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(before);
    db.close();
  });

  it('upgrade a version-1 database to the latest, keeping its stores and timeline', () => {
    const file = path.join(dir, 'old.db');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    expect(columns(v1, 'stores')).not.toContain('desired_json');
    v1.prepare(
      `INSERT INTO stores (id, name, slug, namespace, status, plan, context, admin_email, created_at, updated_at)
       VALUES ('s1', 'Old Shop', 'old-shop', 'store-old-shop', 'Ready', 'woocommerce', 'kind-dev', 'o@example.com',
               '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    v1.prepare(
      `INSERT INTO provisioning_events (store_id, step, status, message, timestamp)
       VALUES ('s1', 'setup', 'completed', 'WooCommerce installed', '2026-01-01T00:00:01.000Z')`,
    ).run();
    v1.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(tables(db)).toContain('worker_lease');
    const stores = new StoresRepo(db);
    expect(stores.get('s1')).toMatchObject({ name: 'Old Shop', status: 'Ready', context: 'kind-dev' });
    expect(stores.getDesired('s1')).toEqual({
      generation: 1,
      desired: {
        baseDomain: null,
        storageClass: null,
        imageRegistry: null,
        host: null,
        ingressClassName: null,
        ingressController: null,
        ingressControllerNamespace: null,
        ingressControllerPodLabels: null,
        namespaceUid: null,
        httpPort: null,
      },
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM provisioning_events').get()).toEqual({ n: 1 });
    // The rebuilt timeline keeps its rows and takes the fourth status; the cascade still holds.
    db.prepare(
      `INSERT INTO provisioning_events (store_id, step, status, message, timestamp)
       VALUES ('s1', 'setup', 'interrupted', 'process stopped', '2026-01-01T00:00:02.000Z')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO provisioning_events (store_id, step, status, message, timestamp) VALUES ('s1', 'x', 'bogus', '', '')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    db.prepare("DELETE FROM stores WHERE id = 's1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM provisioning_events').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a database written by a newer Storedeck instead of corrupting it', () => {
    const file = path.join(dir, 'newer.db');
    const db = openDatabase(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      LATEST + 1,
      'future',
      'x',
    );
    db.close();
    expect(() => openDatabase(file)).toThrow(
      `schema version ${LATEST + 1}, newer than this Storedeck knows (${LATEST})`,
    );
  });

  it('roll a failing migration back whole and leave the database at the previous version', () => {
    const file = path.join(dir, 'broken.db');
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow('disk on fire');
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuse a migration list with gaps or out of order', () => {
    const db = new Database(':memory:');
    const [first, second] = MIGRATIONS as [Migration, Migration];
    expect(() => migrate(db, [second, first])).toThrow(/out of order/);
    expect(() => migrate(db, [first, { ...second, version: 3 }])).toThrow(/position 2 holds version 3/);
    db.close();
  });

  it('keep no column whose name suggests a password or secret, in any table', () => {
    const db = openDatabase(':memory:');
    const all = tables(db).flatMap((table) => columns(db, table).map((column) => `${table}.${column}`));
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((name) => /password|secret|passwd|credential/i.test(name))).toEqual([]);
    db.close();
  });
});
