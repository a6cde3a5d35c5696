import { describe, expect, it } from 'vitest';
import type { Store } from '../../../preload/contract';
import { createEventBus } from '../../primitives/event-bus';
import { WpConsoles } from '../operations/wp-console';
import { strategyFor } from '../strategies/registry';
import { BackupService } from './backup-service';

const store = (over: Partial<Store>): Store =>
  ({
    id: 's1',
    name: 'Shop',
    slug: 'shop',
    plan: 'woocommerce',
    status: 'Ready',
    context: 'sim',
    namespace: 'store-shop',
    adminEmail: 'a@b.co',
    url: 'http://shop.localhost/',
    ...over,
  }) as Store;

function service() {
  const audit: Array<{ action: string; details?: string }> = [];
  const svc = new BackupService({
    bus: createEventBus(),
    getStore: () => null,
    create: () => Promise.reject(new Error('not here')),
    remove: () => Promise.reject(new Error('not here')),
    clientFor: () => Promise.reject(new Error('no cluster in this test')),
    strategyFor,
    storeContext: () => null,
    consoles: new WpConsoles(),
    audit: { add: (e) => audit.push(e) },
    actor: 'test',
    backupsDir: '/backups',
    emitProgress: () => undefined,
    now: () => new Date('2026-03-04T05:06:07.890Z'),
  });
  return { svc, audit };
}

describe('BackupService admission', () => {
  it('says plainly that Medusa stores cannot be backed up or cloned yet', () => {
    const { svc } = service();
    const medusa = store({ plan: 'medusa' });
    const message = 'Backup, restore and clone are not available for the Medusa plan yet';
    expect(svc.backup(medusa, undefined)).toEqual({ ok: false, error: { code: 'not_available', message } });
    expect(svc.clone(medusa, { name: 'Copy' })).toEqual({
      ok: false,
      error: { code: 'not_available', message },
    });
  });

  it('waits for Ready, and names the default archive after the slug and the time', () => {
    const { svc } = service();
    expect(svc.backup(store({ status: 'Provisioning' }), undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: 'Store "Shop" is Provisioning; back it up once it is Ready' },
    });
    expect(svc.defaultPath(store({}))).toBe('/backups/shop-2026-03-04T05-06-07.storedeck.tar.gz');
  });
});
