// Fills a data dir with many stores (as months of use would), straight through the repositories:
// "Shop 001"…, every 50th Failed, the rest Ready with a short timeline (none Queued: the worker
// would start provisioning those at once).
import { databaseFile, ensureDataDir } from '../../main/state/data-dir';
import { openState } from '../../main/state/open-state';

export const seededName = (n: number) => `Shop ${String(n).padStart(3, '0')}`;

export function seedStores(dataDir: string, count: number, context = 'kube-sim'): void {
  const state = openState(databaseFile(ensureDataDir(dataDir)));
  try {
    state.db.transaction(() => {
      for (let n = 1; n <= count; n++) {
        const slug = `shop-${String(n).padStart(3, '0')}`;
        const inserted = state.stores.insert({
          name: seededName(n),
          slug,
          namespace: `store-${slug}`,
          plan: 'woocommerce',
          context,
          adminEmail: 'owner@example.com',
          status: 'Queued',
        });
        if (!inserted.ok) throw new Error(inserted.error.message);
        const id = inserted.value.id;
        state.events.add(id, 'namespace', 'started', `Creating namespace store-${slug}`);
        state.events.add(id, 'namespace', 'completed', `Created namespace store-${slug}`);
        if (n % 50 === 0) {
          state.events.add(
            id,
            'wait-mysql',
            'failed',
            'image "mysql:8.4" cannot be pulled, ImagePullBackOff',
          );
          state.stores.setStatus(id, 'Failed', {
            errorStep: 'wait-mysql',
            errorMessage: 'image "mysql:8.4" cannot be pulled, ImagePullBackOff',
          });
          continue;
        }
        state.events.add(id, 'ready', 'completed', `Store is ready at http://${slug}.localhost/`);
        state.stores.setStatus(id, 'Ready', {
          url: `http://${slug}.localhost/`,
          adminUrl: `http://${slug}.localhost/wp-admin/`,
          provisionedAt: new Date().toISOString(),
        });
      }
    })();
  } finally {
    state.close();
  }
}
