import { describe, expect, it } from 'vitest';
import { ok, type EventOf } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createOperationStore } from './backup.state';

const progress = (
  operationId: string,
  over: Partial<EventOf<'backupProgress'>> = {},
): EventOf<'backupProgress'> => ({
  operationId,
  kind: 'backup',
  storeName: 'Shop',
  phase: 'downloading',
  bytesDone: 10,
  bytesTotal: 100,
  bytesPerSecond: 10,
  etaSeconds: 9,
  done: false,
  error: null,
  result: null,
  ...over,
});

describe('a backup operation in the UI', () => {
  it('keeps progress that overtook the answer, follows only its own operation, and ends with the outcome', async () => {
    const api = createFakeApi();
    const op = createOperationStore(api);
    const started = op.getState().start(async () => {
      api.emit('backupProgress', progress('op-1', { bytesDone: 5 }));
      api.emit('backupProgress', progress('other', { bytesDone: 99 }));
      return ok({ operationId: 'op-1' });
    });
    await started;
    expect(op.getState().progress?.bytesDone).toBe(5);
    api.emit('backupProgress', progress('other', { bytesDone: 77 }));
    expect(op.getState().progress?.bytesDone).toBe(5);
    api.emit(
      'backupProgress',
      progress('op-1', { done: true, phase: 'done', result: { path: '/b.tar.gz' } }),
    );
    expect(op.getState().progress).toMatchObject({ done: true, result: { path: '/b.tar.gz' } });
    api.respond('cancelBackupOperation', ok({}));
    await op.getState().cancel();
    expect(api.calls.at(-1)).toEqual({ name: 'cancelBackupOperation', request: { operationId: 'op-1' } });
    op.getState().dispose();
  });

  it('shows a refused request as its error', async () => {
    const api = createFakeApi();
    const op = createOperationStore(api);
    await op
      .getState()
      .start(async () => ({ ok: false, error: { code: 'invalid_state', message: 'not Ready' } }));
    expect(op.getState()).toMatchObject({ error: 'not Ready', progress: null, starting: false });
  });
});
