// runCli over a fake service layer (real dispatch, real zod validation, real event bus): the
// command flows, waits, follows and exit codes, fast and without a cluster.
import { hostname } from 'node:os';
import { err, ok, type Store, type TimelineEvent } from '../../preload/contract';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import type { WorkerStatus } from '../api/create-app';
import type { Handlers } from '../api/handler-types';
import { SETTINGS_DEFAULTS } from '../state/settings.repo';
import type { CliApp } from './cli-context';
import { runCli, type AppOptions } from './run-cli';

export const baseStore = (over: Partial<Store> = {}): Store => ({
  id: 'st-1',
  name: 'Shop',
  slug: 'shop',
  namespace: 'store-shop',
  status: 'Queued',
  plan: 'woocommerce',
  context: 'sim',
  url: null,
  adminUrl: null,
  adminEmail: 'a@b.co',
  errorStep: null,
  errorMessage: null,
  createdAt: '2025-01-01T00:00:00Z',
  provisionedAt: null,
  updatedAt: '2025-01-01T00:00:00Z',
  ...over,
});

export const event = (step: string, status: TimelineEvent['status'], id = 1): TimelineEvent => ({
  id,
  storeId: 'st-1',
  step,
  status,
  message: `${step} ${status}`,
  timestamp: '2025-01-01T00:00:01Z',
});

/** A service layer that plays back a scripted provisioning on the bus after createStore returns. */
export const appHolder = (live = true): WorkerStatus => ({
  working: false,
  holder: {
    owner: 'o-1',
    pid: 4242,
    host: hostname(),
    mode: 'desktop',
    acquiredAt: '2025-01-01T00:00:00Z',
    heartbeatAt: '2025-01-01T00:00:00Z',
    live,
  },
});

export function fakeApp(
  script: { outcome?: 'Ready' | 'Failed' | 'never'; stores?: Store[]; worker?: WorkerStatus } = {},
) {
  const bus: EventBus = createEventBus();
  const stores = script.stores ?? [baseStore({ status: 'Ready' })];
  const calls: Array<[string, unknown]> = [];
  let closed = false;
  const later = (fn: () => void) => setTimeout(fn, 5);
  const handlers: Partial<Handlers> = {
    listStores: async () => ok(stores.map((s) => ({ ...s, recentEvents: [], live: null }))),
    getStore: async ({ id }) =>
      stores.find((s) => s.id === id)
        ? ok(stores.find((s) => s.id === id) as Store)
        : err('not_found', 'no such store'),
    // The app's own defaults, as a fresh data dir answers them.
    getSettings: async () => ok({ ...SETTINGS_DEFAULTS }),
    createStore: async (request) => {
      calls.push(['createStore', request]);
      if (request.plan === 'medusa') return err('not_available', 'The medusa plan is not available yet');
      if (request.name.toLowerCase() === 'admin')
        return err('invalid_request', 'name: "admin" is a reserved name');
      const store = baseStore({ name: request.name, adminEmail: request.adminEmail });
      // Emitted synchronously, before the response: the CLI must not miss it.
      bus.emit('storeChanged', { ...store, status: 'Provisioning' });
      bus.emit('timelineEvent', event('apply', 'started', 1));
      later(() => {
        bus.emit('timelineEvent', event('apply', 'completed', 2));
        if (script.outcome === 'Failed') {
          bus.emit('timelineEvent', event('wait-mysql', 'failed', 3));
          bus.emit('storeChanged', {
            ...store,
            status: 'Failed',
            errorStep: 'wait-mysql',
            errorMessage: 'ImagePullBackOff on mysql',
          });
        } else if (script.outcome !== 'never') {
          bus.emit('storeChanged', { ...store, status: 'Ready', url: 'http://shop.localhost' });
        }
      });
      return ok(store);
    },
    retryStore: async (request) => {
      calls.push(['retryStore', request]);
      return ok({ ...(stores[0] as Store), status: 'Queued' });
    },
    deleteStore: async ({ id }) => {
      later(() => bus.emit('storeRemoved', { id }));
      return ok({ ...(stores[0] as Store), status: 'Deleting' });
    },
    restartStore: async (request) => {
      calls.push(['restartStore', request]);
      return ok({ restarted: request.component === 'all' ? ['mysql', 'wordpress'] : [request.component] });
    },
    getLogs: async (request) => {
      calls.push(['getLogs', request]);
      return ok({
        pod: 'wordpress-1',
        container: 'wordpress',
        lines: ['line 1', 'line 2'],
        source: 'live',
        pods: [],
        saved: [],
      });
    },
    startLogFollow: async () => {
      bus.emit('logLines', { subscriptionId: 'sub-1', lines: ['first'], ended: false });
      later(() => bus.emit('logLines', { subscriptionId: 'sub-1', lines: ['second'], ended: false }));
      return ok({ subscriptionId: 'sub-1' });
    },
    stopLogFollow: async (request) => {
      calls.push(['stopLogFollow', request]);
      return ok({});
    },
    revealAdminPassword: async () => ok({ username: 'admin', password: 'pw-1' }),
    listContexts: async () =>
      ok({
        current: 'sim',
        contexts: [
          { name: 'sim', cluster: 'sim', server: 'https://127.0.0.1:6443', user: 'u', isLocal: true },
        ],
      }),
  };
  const worker = script.worker ?? { working: true, holder: null };
  const app: CliApp = {
    handlers: handlers as Handlers,
    bus,
    worker: { status: () => worker },
    close: () => void (closed = true),
  };
  return { app, bus, calls, isClosed: () => closed };
}

export async function cli(argv: string[], app: CliApp = fakeApp().app, signal?: AbortSignal) {
  let out = '';
  let errText = '';
  const options: AppOptions[] = [];
  const code = await runCli(argv, {
    io: { out: (t) => void (out += t), err: (t) => void (errText += t) },
    createApp: (o) => {
      options.push(o);
      return app;
    },
    env: { HOME: '/home/test' },
    signal,
  });
  return { code, out, err: errText, options };
}
