import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { sampleStore } from '../../shared/sample-store';
import { createStoreActionsStore } from './actions.state';

describe('store actions store', () => {
  it('reports a restart from its Result and is busy only while it runs', async () => {
    const api = createFakeApi();
    let answer: ((r: Result<{ restarted: string[] }>) => void) | undefined;
    api.restartStore = () => new Promise((resolve) => (answer = resolve));
    const actions = createStoreActionsStore(api, 's1');
    const running = actions.getState().restart('all');
    expect(actions.getState().pending['restart-all']).toBe(true);
    answer?.(ok({ restarted: ['mysql', 'wordpress'] }));
    await running;
    expect(actions.getState().pending['restart-all']).toBe(false);
    expect(actions.getState().feedback['restart-all']).toEqual({
      kind: 'ok',
      message: 'Restarted mysql and wordpress.',
    });
  });

  it('shows the error value of a failed action', async () => {
    const api = createFakeApi();
    api.respond(
      'retryStore',
      err('invalid_state', 'Store "Demo" is Ready; only a Failed store can be retried'),
    );
    const actions = createStoreActionsStore(api, 's1');
    await actions.getState().retry();
    expect(actions.getState().feedback.retry).toEqual({
      kind: 'error',
      message: 'Store "Demo" is Ready; only a Failed store can be retried',
    });
    api.respond('retryStore', ok(sampleStore({ status: 'Queued' })));
    await actions.getState().retry();
    expect(actions.getState().feedback.retry?.kind).toBe('ok');
  });

  it('reveals on demand, hides again, and a reset replaces a shown password with the new one', async () => {
    const api = createFakeApi();
    const actions = createStoreActionsStore(api, 's1');
    api.respond('revealAdminPassword', ok({ username: 'admin', password: 'old-secret' }));
    await actions.getState().reveal();
    expect(actions.getState().revealed).toEqual({ username: 'admin', password: 'old-secret' });
    actions.getState().hide();
    expect(actions.getState().revealed).toBeNull();
    await actions.getState().reveal();
    api.respond('resetAdminPassword', ok({ username: 'admin', password: 'new-secret' }));
    await actions.getState().resetPassword();
    expect(actions.getState()).toMatchObject({
      revealed: null,
      newPassword: { password: 'new-secret' },
      feedback: { 'reset-password': { kind: 'ok' } },
    });
    actions.getState().dismissNewPassword();
    expect(actions.getState().newPassword).toBeNull();
  });

  it('delete says whether main accepted it', async () => {
    const api = createFakeApi();
    const actions = createStoreActionsStore(api, 's1');
    api.respond('deleteStore', err('not_found', 'No store with id s1'));
    expect(await actions.getState().remove()).toBe(false);
    expect(actions.getState().feedback.delete?.message).toBe('No store with id s1');
    api.respond('deleteStore', ok(sampleStore({ status: 'Deleting' })));
    expect(await actions.getState().remove()).toBe(true);
    expect(api.calls.at(-1)).toEqual({ name: 'deleteStore', request: { id: 's1' } });
  });

  it('opens a fresh signed-in admin link and keeps no copy of it', async () => {
    const api = createFakeApi();
    api.respond('createAdminLogin', ok({ url: 'http://demo.localhost/?storedeck_login=t1', expiresAt: 'x' }));
    const opened: string[] = [];
    const actions = createStoreActionsStore(api, 's1');
    await actions.getState().openAdminLoggedIn((url) => void opened.push(url));
    expect(opened).toEqual(['http://demo.localhost/?storedeck_login=t1']);
    expect(actions.getState().feedback['admin-login']?.kind).toBe('ok');
    expect(JSON.stringify(actions.getState())).not.toContain('storedeck_login');

    await actions.getState().openAdminLoggedIn(async () => err('forbidden', 'Only store addresses open'));
    expect(actions.getState().feedback['admin-login']).toEqual({
      kind: 'error',
      message: 'Only store addresses open',
    });
    api.respond('createAdminLogin', err('invalid_state', 'Store "Demo" is Provisioning'));
    opened.length = 0;
    await actions.getState().openAdminLoggedIn((url) => void opened.push(url));
    expect(opened).toEqual([]);
    expect(actions.getState().feedback['admin-login']?.message).toMatch(/Provisioning/);
  });
});
