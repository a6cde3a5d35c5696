// The real-cluster journey of issue 10, every step through Storedeck's own CLI or a real
// browser: two stores created in parallel (time to Ready recorded), a shopper's checkout in
// Chromium, the order in wp-admin, health, logs, restart, password reset, isolation between
// the stores, and both deleted within 120 s. Each step lands in the report.
import type { Page } from 'playwright-core';
import type { Store, StoreHealth, TimelineEvent } from '../../preload/contract';
import { KINDS } from '../../main/kube/kinds';
import type { KubeClient } from '../../main/kube/client';
import { launchChromium, type Browser } from '../e2e/chromium';
import type { Cli } from './cli-runner';
import { checkIsolation } from './isolation';
import type { Report } from './report';
import { ACCEPTANCE_SHOPPER, adminLogin, adminOrderRow, shopperCheckout } from './storefront.steps';

const CREATE_TIMEOUT_MS = 20 * 60_000;
const DELETE_LIMIT_MS = 120_000;
const CALL_TIMEOUT_MS = 120_000;
const READY_AGAIN_TIMEOUT_MS = 5 * 60_000;

export interface JourneyInput {
  cli: Cli;
  client: KubeClient;
  report: Report;
  networkPolicyEnforced: boolean;
}

type ReadyStore = Store & { url: string };

async function createStore(cli: Cli, name: string): Promise<{ store: ReadyStore; ms: number }> {
  const started = performance.now();
  const result = await cli.run(
    ['create', name, '--email', 'acceptance@example.com', '--wait'],
    CREATE_TIMEOUT_MS,
  );
  const ms = Math.round(performance.now() - started);
  const store = await cli.json<Store>(['show', name], CALL_TIMEOUT_MS);
  if (result.code !== 0 || store.status !== 'Ready' || !store.url)
    throw new Error(
      `"${name}" ended ${store.status} at ${store.errorStep ?? '?'}: ${store.errorMessage ?? result.stderr.trim()}`,
    );
  const url: string = store.url;
  return { store: { ...store, url }, ms };
}

const health = (cli: Cli, slug: string): Promise<StoreHealth> =>
  cli.json<StoreHealth>(['health', slug], CALL_TIMEOUT_MS);

/** Bounded re-reads of health (the CLI has no watch for it) until every pod is Running and Ready. */
async function readyAgain(cli: Cli, slug: string, since: number): Promise<StoreHealth> {
  const deadline = Date.now() + READY_AGAIN_TIMEOUT_MS;
  for (let attempt = 0; Date.now() < deadline && attempt < 150; attempt++) {
    const h = await health(cli, slug);
    const wp = h.pods.filter((p) => p.component === 'wordpress');
    const fresh = wp.every((p) => p.startedAt && Date.parse(p.startedAt) >= since);
    if (wp.length === 1 && fresh && h.pods.every((p) => p.phase !== 'Running' || p.ready)) return h;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error('WordPress was not Ready again within 5 minutes of the restart');
}

async function withPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}

export async function runJourney(input: JourneyInput): Promise<void> {
  const { cli, client, report } = input;
  const [a, b] = await report.step('create two stores in parallel', async () => {
    const both = await Promise.all([
      createStore(cli, 'Acceptance Shop'),
      createStore(cli, 'Acceptance Shop Two'),
    ]);
    report.data.timings['time to Ready: Acceptance Shop'] = both[0].ms;
    report.data.timings['time to Ready: Acceptance Shop Two'] = both[1].ms;
    return {
      value: both.map((x) => x.store),
      detail: both.map((x) => `${x.store.url} Ready in ${(x.ms / 1000).toFixed(0)} s`).join('; '),
    };
  });
  if (!a || !b) throw new Error('the stores were not created');

  await report.step('checkout verified before Ready', async () => {
    const events = await cli.json<TimelineEvent[]>(['events', a.slug], CALL_TIMEOUT_MS);
    const done = events.find((e) => e.step === 'checkout' && e.status === 'completed');
    if (!done) throw new Error('the timeline has no completed checkout step');
    return { value: undefined, detail: done.message };
  });

  const browser = await launchChromium();
  try {
    const { orderNumber } = await report.step('shopper checkout in Chromium', async () => {
      const placed = await withPage(browser, (page) =>
        shopperCheckout(page, a.url, ACCEPTANCE_SHOPPER, report.snap),
      );
      return { value: placed, detail: `order #${placed.orderNumber} received` };
    });

    const credentials = await cli.json<{ username: string; password: string }>(
      ['password', a.slug],
      CALL_TIMEOUT_MS,
    );
    await report.step('wp-admin lists the order as Processing, 19.99', async () => {
      const row = await withPage(browser, async (page) => {
        await adminLogin(page, a.url, credentials.username, credentials.password);
        return adminOrderRow(page, a.url, orderNumber, report.snap);
      });
      if (row.status !== 'Processing' || row.total !== '19.99')
        throw new Error(`order #${orderNumber} is listed as ${row.status}, ${row.total}`);
      return { value: undefined, detail: `#${orderNumber} ${row.status} ${row.total}` };
    });

    await report.step('health: pods Running with 0 restarts', async () => {
      const h = await health(cli, a.slug);
      const running = h.pods.filter((p) => p.phase === 'Running');
      const bad = running.filter((p) => !p.ready || p.restarts > 0);
      if (running.length < 2 || bad.length > 0)
        throw new Error(
          `pods: ${h.pods.map((p) => `${p.name} ${p.phase} ready=${p.ready} restarts=${p.restarts}`).join(', ')}`,
        );
      report.data.versions.images = [
        ...new Set(running.flatMap((p) => p.containers.map((c) => c.image))),
      ].join(', ');
      return { value: undefined, detail: running.map((p) => p.name).join(', ') };
    });

    await report.step('logs: WordPress and MySQL lines', async () => {
      const counts: string[] = [];
      for (const pod of ['wordpress', 'mysql']) {
        const out = await cli.run(['logs', a.slug, '--pod', pod, '--tail', '50'], CALL_TIMEOUT_MS);
        const lines = out.stdout.split('\n').filter((l) => l.trim());
        if (out.code !== 0 || lines.length === 0)
          throw new Error(`no ${pod} log lines: ${out.stderr.trim()}`);
        counts.push(`${pod} ${lines.length} lines`);
      }
      return { value: undefined, detail: counts.join(', ') };
    });

    await report.step('restart WordPress and see it Ready again', async () => {
      const since = Date.now() - 1_000;
      const out = await cli.run(['restart', a.slug, '--component', 'wordpress'], CALL_TIMEOUT_MS);
      if (out.code !== 0) throw new Error(out.stderr.trim());
      await readyAgain(cli, a.slug, since);
      return { value: undefined, detail: 'a new WordPress pod is Ready' };
    });

    await report.step('reset the admin password and log in with the new one', async () => {
      const fresh = await cli.json<{ username: string; password: string }>(
        ['reset-password', a.slug],
        5 * 60_000,
      );
      if (fresh.password === credentials.password) throw new Error('the password did not change');
      await browser.context.clearCookies();
      await withPage(browser, (page) => adminLogin(page, a.url, fresh.username, fresh.password));
      return { value: undefined, detail: 'logged in with the new password' };
    });
  } finally {
    await browser.close();
  }

  await report.step('stores are isolated from each other', async () => {
    const h = await health(cli, a.slug);
    const pod = h.pods.find((p) => p.component === 'wordpress' && p.phase === 'Running' && p.ready);
    if (!pod) throw new Error('no running WordPress pod to test from');
    const r = await checkIsolation(client, { namespace: a.namespace, pod: pod.name }, b.namespace);
    const detail = `own MySQL ${r.ownMysql}; ${b.namespace} MySQL ${r.otherMysql}; ${b.namespace} WordPress ${r.otherWordpress}`;
    if (r.ownMysql !== 'open') throw new Error(`the store cannot reach its own MySQL: ${detail}`);
    if (!input.networkPolicyEnforced)
      return { value: undefined, detail: `NetworkPolicy is not enforced here, not judged: ${detail}` };
    if (r.otherMysql === 'open' || r.otherWordpress === 'open')
      throw new Error(`reached the other store: ${detail}`);
    return { value: undefined, detail };
  });

  await report.step('delete both; namespaces gone within 120 s', async () => {
    const started = performance.now();
    const results = await Promise.all(
      [a, b].map((s) => cli.run(['delete', s.slug, '--wait'], DELETE_LIMIT_MS + 30_000)),
    );
    const ms = Math.round(performance.now() - started);
    report.data.timings['delete both'] = ms;
    const failed = results.find((r) => r.code !== 0);
    if (failed) throw new Error(failed.stderr.trim());
    for (const s of [a, b])
      if (await client.get(KINDS.Namespace, undefined, s.namespace))
        throw new Error(`namespace ${s.namespace} is still there`);
    if (ms > DELETE_LIMIT_MS) throw new Error(`deleting took ${(ms / 1000).toFixed(0)} s`);
    return { value: undefined, detail: `both namespaces gone in ${(ms / 1000).toFixed(0)} s` };
  });
}
