import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createDatabaseStore } from './database.state';

const opened = {
  forwardId: 'f1',
  engine: 'mysql' as const,
  host: '127.0.0.1',
  port: 40001,
  database: 'wordpress',
  user: 'wordpress',
  password: 'pw',
  pod: 'mysql-abc',
};

describe('database connection store', () => {
  it('opens once, and closing forgets the password and closes the forward', async () => {
    const api = createFakeApi();
    api.respond('openDatabase', ok(opened));
    const closed: string[] = [];
    api.closeDatabase = async ({ forwardId }) => {
      closed.push(forwardId);
      return ok({});
    };
    const db = createDatabaseStore(api, 's1');
    await db.getState().openDatabase();
    await db.getState().openDatabase();
    expect(db.getState().open).toEqual(opened);
    await db.getState().close();
    expect(db.getState().open).toBeNull();
    expect(closed).toEqual(['f1']);
    await db.getState().close();
    expect(closed).toEqual(['f1']);
  });

  it('shows why it could not open', async () => {
    const api = createFakeApi();
    api.respond('openDatabase', err('invalid_state', 'The mysql pod is not ready'));
    const db = createDatabaseStore(api, 's1');
    await db.getState().openDatabase();
    expect(db.getState()).toMatchObject({ open: null, opening: false, error: 'The mysql pod is not ready' });
  });
});
