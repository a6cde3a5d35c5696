// The MedusaJS plan for real: Debian's PostgreSQL and Redis on 127.0.0.1, the app template
// installed from the npm registry, the setup Job's own script, the server and our storefront;
// then a shopper orders Sample Product in Chromium and the order is found through the admin API.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../e2e/chromium';
import { adminToken, adminGet, adminDelete } from './admin-api.fixture';
import { prepareAdminLogin } from './admin-login.fixture';
import { startPostgres, startRedis, type Postgres, type Redis } from './local-services.fixture';
import {
  installTemplate,
  medusaEnv,
  runSetPassword,
  runSetup,
  runVerifyCheckout,
  startServer,
  startStorefront,
  type Served,
} from './medusa-app.fixture';

const ADMIN_EMAIL = 'owner@shop.example';
const ADMIN_PASSWORD = 'a-long-test-password-1';
// What a run that creates or changes something says (see src/setup/*-steps.ts).
const CHANGE = /^(created|linked|set|stocked|enabled)\b/;

/** The setup's own messages ("storedeck-setup: …"), from Medusa's JSON log lines or plain ones. */
function setupMessages(out: string): string[] {
  return out.split('\n').flatMap((line) => {
    let text = line;
    try {
      const parsed = JSON.parse(line) as { message?: unknown };
      if (typeof parsed.message === 'string') text = parsed.message;
    } catch {
      // not a JSON log line
    }
    const found = /storedeck-setup: (.*)$/.exec(text);
    return found?.[1] ? [found[1]] : [];
  });
}
const changes = (out: string) => setupMessages(out).filter((m) => CHANGE.test(m));
// A test that runs `medusa exec` (setup, password) waits as long as that run's own bound
// (300 s in medusa-app.fixture.ts): on a loaded machine one run has taken over 180 s.
const MEDUSA_EXEC_TEST_MS = 360_000;

let pg: Postgres | undefined;
let redis: Redis | undefined;
let server: Served | undefined;
let storefront: Served | undefined;
let browser: Browser | undefined;
let env: NodeJS.ProcessEnv;
// Where the server looks for one-time login tickets (in a store: the server container's /tmp).
const loginDir = mkdtempSync(join(tmpdir(), 'storedeck-medusa-login-'));
let firstSetup = '';
let secondSetup = '';
const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
  }
}

beforeAll(async () => {
  [pg, redis] = await timed('services', () => Promise.all([startPostgres(), startRedis()]));
  await timed('install', installTemplate);
  env = medusaEnv(
    {
      databaseUrl: pg.url,
      redisUrl: redis.url,
      adminEmail: ADMIN_EMAIL,
      adminPassword: ADMIN_PASSWORD,
    },
    { STOREDECK_LOGIN_DIR: loginDir },
  );
  firstSetup = await timed('setup', () => runSetup(env));
  secondSetup = await timed('setupAgain', () => runSetup(env));
  server = await timed('serverStart', () => startServer(env));
  storefront = await startStorefront(server.url);
  browser = await launchChromium();
}, 1_800_000);

afterAll(async () => {
  await browser?.close();
  await storefront?.stop();
  await server?.stop();
  await redis?.stop();
  await pg?.stop();
  const out = resolve(import.meta.dirname, '../../test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'medusa-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`medusa real test timings (ms): ${JSON.stringify(timings)}`);
}, 120_000);

describe('a MedusaJS store, for real', () => {
  it('sets the store up once, and a second run changes nothing', () => {
    const first = setupMessages(firstSetup);
    expect(first).toContain('created product "Sample Product" at 19.99 EUR');
    expect(first).toContain('created publishable API key "Storedeck Storefront"');
    expect(first).toContain('created admin user owner@shop.example');
    expect(first.at(-1)).toBe('store is set up');
    expect(setupMessages(secondSetup)).toEqual(['store is set up']);
  });

  it('lets a shopper order Sample Product through the storefront in Chromium', async () => {
    const page = await browser!.context.newPage();
    await page.goto(`${storefront!.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Products' }).isVisible()).toBe(true);
    const product = page.getByRole('article', { name: 'Sample Product' });
    expect(await product.getByText('€19.99').isVisible()).toBe(true);
    await product.getByRole('button', { name: 'Add Sample Product to cart' }).click();

    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    const cart = page.getByRole('table', { name: 'Items in your cart' });
    expect(await cart.getByRole('cell', { name: 'Sample Product' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Checkout' }).click();

    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByLabel('Email').fill('shopper@example.com');
    await page.getByLabel('First name').fill('Sam');
    await page.getByLabel('Last name').fill('Shopper');
    await page.getByLabel('Address').fill('Hauptstraße 1');
    await page.getByLabel('City').fill('Berlin');
    await page.getByLabel('Postal code').fill('10115');
    await page.getByLabel('Country').selectOption({ label: 'Germany' });
    expect(await page.getByRole('radio', { name: /Standard Shipping/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Pay manually/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    const status = await page.getByRole('status').textContent();
    expect(status).toMatch(/Order #\d+ is confirmed/);
    expect(await page.getByRole('list', { name: 'Ordered items' }).textContent()).toContain(
      '1 × Sample Product',
    );
    await page.close();
  });

  it('finds that order through the admin API, paid with the manual provider', async () => {
    const token = await adminToken(server!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { orders } = await adminGet<{
      orders: { email: string; total: number; items: { title: string; product_title: string }[] }[];
    }>(server!.url, token, '/admin/orders?fields=email,total,*items,*payment_collections.payments');
    const mine = orders.filter((o) => o.email === 'shopper@example.com');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.items.map((i) => i.product_title)).toEqual(['Sample Product']);
    expect(mine[0]?.total).toBeCloseTo(19.99 + 4.99, 2);
  });

  it("passes the setup Job's own check: an order through the storefront, then cancelled", async () => {
    const out = await runVerifyCheckout({
      ...env,
      STOREFRONT_URL: storefront!.url,
      MEDUSA_BACKEND_URL: server!.url,
    });
    const orderId = /an order \((order_\w+)\) went through the storefront and was cancelled/.exec(out)?.[1];
    expect(orderId).toBeDefined();
    const token = await adminToken(server!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { order } = await adminGet<{ order: { status: string; email: string } }>(
      server!.url,
      token,
      `/admin/orders/${orderId}?fields=status,email`,
    );
    expect(order).toEqual(
      expect.objectContaining({ status: 'canceled', email: 'checkout-check@storedeck.invalid' }),
    );
  });

  it('serves the admin dashboard at /app', async () => {
    const response = await fetch(`${server!.url}/app`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<div id="medusa"|<div id="root"/);
  });

  it(
    'finishes the work on a re-run after a partial one',
    async () => {
      // A store whose setup stopped before its shipping option: delete it, run setup again.
      const token = await adminToken(server!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      const list = () =>
        adminGet<{ shipping_options: { id: string; name: string }[] }>(
          server!.url,
          token,
          '/admin/shipping-options?fields=id,name',
        ).then((r) => r.shipping_options.filter((o) => o.name === 'Standard Shipping'));
      const [option] = await list();
      expect(option).toBeDefined();
      await adminDelete(server!.url, token, `/admin/shipping-options/${option?.id}`);
      expect(await list()).toEqual([]);

      const rerun = await runSetup(env);
      expect(changes(rerun)).toEqual(['created shipping option "Standard Shipping"']);
      expect(await list()).toHaveLength(1);
    },
    MEDUSA_EXEC_TEST_MS,
  );
  it('opens the admin dashboard signed in from a one-time link, once', async () => {
    const login = prepareAdminLogin(loginDir, ADMIN_EMAIL, server!.url);
    const page = await browser!.context.newPage();
    await page.goto(login.url);
    await page.waitForURL(/\/app(\/|$)/);
    // The session the link gave is the dashboard's own: the admin API answers with the admin.
    const me = await page.evaluate(() =>
      fetch('/admin/users/me', { credentials: 'include' }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      })),
    );
    expect(me).toMatchObject({ status: 200, body: { user: { email: ADMIN_EMAIL } } });
    expect(readdirSync(loginDir)).toEqual([]);
    expect(server!.output()).not.toContain(login.token);

    await page.goto(login.url);
    expect(await page.getByRole('alert').textContent()).toMatch(/already used/);
    await page.close();

    // A link whose minute is over: refused, whichever browser carries it.
    const stale = prepareAdminLogin(loginDir, ADMIN_EMAIL, server!.url);
    const file = readdirSync(loginDir)[0]!;
    writeFileSync(join(loginDir, file), JSON.stringify({ user: ADMIN_EMAIL, expires: 1 }));
    const refused = await fetch(`${server!.url}/auth/storedeck-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: stale.token }).toString(),
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/expired/);
  });

  it(
    "resets the admin password with the reset Job's own command",
    async () => {
      const fresh = 'a-new-test-password-2';
      await runSetPassword({ ...env, ADMIN_PASSWORD: fresh });
      expect(await adminToken(server!.url, ADMIN_EMAIL, fresh)).toMatch(/\S+/);
      await expect(adminToken(server!.url, ADMIN_EMAIL, ADMIN_PASSWORD)).rejects.toThrow(/HTTP 401/);
    },
    MEDUSA_EXEC_TEST_MS,
  );
});
