// runCli over a fake service layer (real dispatch, real zod validation, real event bus): the
// command flows, waits, follows and exit codes, fast and without a cluster.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { err, ok, type Store, type TimelineEvent } from '../../preload/contract';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import type { WorkerStatus } from '../api/create-app';
import type { Handlers } from '../api/handler-types';
import type { CliApp } from './cli-context';
import { runCli, type AppOptions } from './run-cli';

const baseStore = (over: Partial<Store> = {}): Store => ({
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

const event = (step: string, status: TimelineEvent['status'], id = 1): TimelineEvent => ({
  id,
  storeId: 'st-1',
  step,
  status,
  message: `${step} ${status}`,
  timestamp: '2025-01-01T00:00:01Z',
});

/** A service layer that plays back a scripted provisioning on the bus after createStore returns. */
const appHolder = (live = true): WorkerStatus => ({
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

function fakeApp(
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
    getSettings: async () =>
      ok({
        baseDomain: null,
        storageClass: null,
        imageRegistry: null,
        concurrency: 3,
        maxStoresPerContext: 10,
        noProgressTimeoutMinutes: 10,
        provisionTimeoutMinutes: 30,
        verifyCheckout: true,
        theme: 'system',
        ingressHttpPort: null,
      }),
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

async function cli(argv: string[], app: CliApp = fakeApp().app, signal?: AbortSignal) {
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

describe('runCli', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['create', '--email', 'a@b.co'], 'missing <name>'],
    [['create', 'shop', '--email', 'not-an-email'], '--email: Admin email must be a valid email address'],
    [['create', 'x'.repeat(41), '--email', 'a@b.co'], '<name>: Store name must be at most 40 characters'],
    [
      ['create', 'bad\u0007name', '--email', 'a@b.co'],
      '<name>: Store name must contain only printable characters',
    ],
    [['create', 'admin', '--email', 'a@b.co'], '<name>: "admin" is a reserved name'],
    [['create', 'shop', '--email', 'a@b.co', '--plan', 'shopify'], '--plan: Invalid option'],
    [['logs', 'shop', '--tail', '0'], '--tail: Line count must be at least 1'],
    [['logs', 'shop', '--tail', '10001'], '--tail: Line count must be at most 10000'],
    [['restart', 'shop', '--component', 'nginx'], '--component: Invalid option'],
    [['audit', '--limit', '0'], '--limit: Limit must be at least 1'],
    [['list', '--verbose'], 'unknown option --verbose'],
  ])('exits 2 with one clear line for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`storedeck: ${message}`);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.out).toBe('');
  });

  it('exits 1 for a valid request the service refuses (medusa is not available yet)', async () => {
    const result = await cli(['create', 'shop', '--email', 'a@b.co', '--plan', 'medusa']);
    expect(result).toMatchObject({ code: 1, err: 'storedeck: The medusa plan is not available yet\n' });
  });

  it('passes the global options to createApp and closes the app afterwards', async () => {
    const fake = fakeApp();
    const result = await cli(
      ['--kubeconfig', '/k.yaml', '--context', 'sim', '--data-dir', '/tmp/sd', 'list'],
      fake.app,
    );
    expect(result.options).toEqual([
      { dataDir: '/tmp/sd', kubeconfigPath: '/k.yaml', context: 'sim', mode: 'cli', worker: 'never' },
    ]);
    expect(result.code).toBe(0);
    expect(fake.isClosed()).toBe(true);
  });

  it('refuses a --context the kubeconfig does not have, before doing anything', async () => {
    const fake = fakeApp();
    const result = await cli(['--context', 'prod', 'create', 'Shop', '--email', 'a@b.co'], fake.app);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe('storedeck: --context: no context "prod" in the kubeconfig (contexts: sim)\n');
    expect(fake.calls).toEqual([]);
  });

  it('competes for the worker lease only in commands that wait', async () => {
    expect((await cli(['create', 'Shop', '--email', 'a@b.co', '--wait'])).options[0]?.worker).toBe('auto');
    expect((await cli(['create', 'Shop', '--email', 'a@b.co'])).options[0]?.worker).toBe('never');
    expect((await cli(['list'])).options[0]?.worker).toBe('never');
  });

  it('create without --wait says the running app will provision the store', async () => {
    const result = await cli(['create', 'Shop', '--email', 'a@b.co'], fakeApp({ worker: appHolder() }).app);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Queued\. It will be provisioned by the Storedeck app \(pid 4242\)/m);
  });

  it('create, retry and delete without --wait say when nobody is working on the data dir', async () => {
    const nobody = { working: false, holder: null };
    const created = await cli(['create', 'Shop', '--email', 'a@b.co'], fakeApp({ worker: nobody }).app);
    expect(created.out).toMatch(
      /No Storedeck process is working on this data dir right now: it will be provisioned/,
    );
    const stale = await cli(['delete', 'shop'], fakeApp({ worker: appHolder(false) }).app);
    expect(stale.code).toBe(0);
    expect(stale.out).toMatch(/^Marked for deletion\. No Storedeck process is working/m);
    expect(stale.out).toMatch(/`storedeck delete shop --wait`/);
  });

  it('create --wait while the app holds the lease says so and follows its events', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Ready', worker: appHolder() }).app,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/the Storedeck app \(pid 4242\) does the work; following it here/);
    expect(result.out).toMatch(/Store "Shop" is Ready/);
  });

  it('create --wait prints the timeline and ends 0 when the store is Ready', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Ready' }).app,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/… apply started: apply started$/m);
    expect(result.out).toMatch(/✓ apply completed: apply completed$/m);
    expect(result.out).toMatch(/Store "Shop" is Ready: http:\/\/shop\.localhost/);
  });

  it('create --wait ends 1 with the failed step and reason when the store fails', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Failed' }).app,
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'storedeck: store "Shop" failed at MySQL start (step wait-mysql): ImagePullBackOff on mysql\n' +
        "Once the cause is fixed: storedeck retry shop --wait (add --current-settings to use today's settings instead of those it was created with)\n",
    );
  });

  it("retry --current-settings asks for the context's settings of today; a plain retry keeps the frozen ones", async () => {
    const fake = fakeApp({ worker: appHolder() });
    expect((await cli(['retry', 'shop', '--current-settings'], fake.app)).code).toBe(0);
    expect((await cli(['retry', 'shop'], fake.app)).code).toBe(0);
    expect(fake.calls.filter(([name]) => name === 'retryStore')).toEqual([
      ['retryStore', { id: 'st-1', useCurrentSettings: true }],
      ['retryStore', { id: 'st-1' }],
    ]);
    expect((await cli(['retry', '--help'], fake.app)).out).toMatch(
      /--current-settings +use the context's settings of today/,
    );
  });

  it('Ctrl-C stops a wait with 130 and says the store carries on later', async () => {
    const controller = new AbortController();
    const fake = fakeApp({ outcome: 'never' });
    fake.bus.subscribe((name, payload) => {
      if (name === 'timelineEvent' && (payload as TimelineEvent).status === 'completed') controller.abort();
    });
    const result = await cli(['create', 'Shop', '--email', 'a@b.co', '--wait'], fake.app, controller.signal);
    expect(result.code).toBe(130);
    expect(result.err).toMatch(/stopped waiting; "Shop" is Provisioning/);
    expect(result.out).toMatch(/apply completed/);
  });

  it('delete --wait ends when the store is removed; --json prints machine-readable output', async () => {
    const result = await cli(['delete', 'shop', '--wait', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ id: 'st-1', deleted: true });
  });

  it('resolves <store> by slug, name or id, and reports an unknown one with exit 1', async () => {
    for (const ref of ['shop', 'Shop', 'st-1', 'SHOP'])
      expect((await cli(['password', ref])).out).toBe('Username: admin\nPassword: pw-1\n');
    const missing = await cli(['show', 'nope']);
    expect(missing).toMatchObject({
      code: 1,
      err: 'storedeck: no store "nope" in this context (see storedeck list)\n',
    });
  });

  it('sends logs and restart flags as contract requests', async () => {
    const fake = fakeApp();
    expect((await cli(['logs', 'shop', '--pod', 'mysql', '--tail', '50'], fake.app)).out).toBe(
      'line 1\nline 2\n',
    );
    await cli(['logs', 'shop', '--tail', '1234', '--previous', '--timestamps'], fake.app);
    await cli(['logs', 'shop', '--saved'], fake.app);
    await cli(['restart', 'shop', '--component', 'mysql'], fake.app);
    expect(fake.calls).toEqual([
      ['getLogs', { id: 'st-1', pod: 'mysql', tailLines: 50 }],
      ['getLogs', { id: 'st-1', tailLines: 1234, previous: true, timestamps: true }],
      ['getLogs', { id: 'st-1', saved: true, tailLines: 100 }],
      ['restartStore', { id: 'st-1', component: 'mysql' }],
    ]);
  });

  it('logs --follow prints lines as they come and stops the session on Ctrl-C', async () => {
    const fake = fakeApp();
    const controller = new AbortController();
    const seen = new Promise<void>((resolve) =>
      fake.bus.subscribe((name, payload) => {
        if (name === 'logLines' && (payload as { lines: string[] }).lines.includes('second'))
          setTimeout(resolve, 5);
      }),
    );
    void seen.then(() => controller.abort());
    const result = await cli(['logs', 'shop', '--follow'], fake.app, controller.signal);
    expect(result).toMatchObject({ code: 0, out: 'first\nsecond\n' });
    expect(fake.calls).toContainEqual(['stopLogFollow', { subscriptionId: 'sub-1' }]);
  });

  it('prints help with exit 0', async () => {
    const general = await cli(['--help']);
    expect(general.code).toBe(0);
    expect(general.out).toMatch(/reset-password/);
    expect((await cli(['logs', '--help'])).out).toMatch(/^Usage: storedeck logs <store> \[--pod POD\]/);
  });
});
