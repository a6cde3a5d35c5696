// The demo's stores: two Ready, one Failed (its setup Job fails), one Provisioning (its images
// come from a registry the simulator pulls from very slowly). Each state is produced by the real
// engine against the simulator, by turning a simulator fault on for one store and off again.
import type { AppCore } from '../main/api/create-app';
import type { Store, StoreStatus } from '../preload/contract';
import type { KubeSim } from '../test/kube-sim/index';

/** Images under this registry take half an hour to pull in the demo's simulator profile. */
export const SLOW_REGISTRY = 'slow-mirror.demo.example';
const SLOW_PULL_MS = 30 * 60_000;
const SETTLE_TIMEOUT_MS = 60_000;

export type DemoStore = { name: string; becomes: StoreStatus };
export const DEMO_STORES: readonly DemoStore[] = [
  { name: 'Corner Bakery', becomes: 'Ready' },
  { name: 'Vinyl Vault', becomes: 'Ready' },
  { name: 'Broken Checkout', becomes: 'Failed' },
  { name: 'Night Market', becomes: 'Provisioning' },
];

/** The simulator's fast timings, except for images from the slow registry. */
export function demoPullTimes(): Record<string, number> {
  return { '*': 60, [`${SLOW_REGISTRY}/`]: SLOW_PULL_MS };
}

/** Creates the store and resolves once it reaches `wanted`; listens first, so no event is missed. */
function createAs(app: AppCore, name: string, wanted: StoreStatus): Promise<Store> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`demo store ${name} did not become ${wanted} within ${SETTLE_TIMEOUT_MS / 1000} s`));
    }, SETTLE_TIMEOUT_MS);
    const off = app.bus.subscribe((event, payload) => {
      const store = payload as Store;
      if (event !== 'storeChanged' || store.name !== name || store.status !== wanted) return;
      clearTimeout(timer);
      off();
      resolve(store);
    });
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    void app.handlers
      .createStore({ name, adminEmail: `owner@${slug}.example`, plan: 'woocommerce' })
      .then((created) => {
        if (created.ok) return;
        clearTimeout(timer);
        off();
        reject(new Error(`demo store ${name}: ${created.error.message}`));
      });
  });
}

export async function seedDemoStores(app: AppCore, sim: KubeSim, log: (line: string) => void): Promise<void> {
  for (const { name, becomes } of DEMO_STORES) {
    log(`  ${name} → ${becomes}`);
    if (becomes === 'Ready') {
      await createAs(app, name, 'Ready');
    } else if (becomes === 'Failed') {
      // The WP-CLI setup Job of this store fails every attempt, as a broken plugin install would.
      sim.setFaults({ jobFailPattern: '.*' });
      try {
        await createAs(app, name, 'Failed');
      } finally {
        sim.setFaults({ jobFailPattern: undefined });
      }
    } else {
      // Only this store pulls from the slow mirror; stores the visitor creates use the default.
      const saved = await app.handlers.getSettings({});
      if (!saved.ok) throw new Error(saved.error.message);
      await app.handlers.updateSettings({ imageRegistry: SLOW_REGISTRY });
      try {
        await createAs(app, name, 'Provisioning');
      } finally {
        await app.handlers.updateSettings({ imageRegistry: saved.value.imageRegistry });
      }
    }
  }
}
