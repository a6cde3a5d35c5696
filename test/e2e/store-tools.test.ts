// The Local/Studio tools in the browser against the simulator: "Open admin (logged in)" opens
// a fresh one-time link in a new tab, and the Tools tab's "Open database" forwards a loopback
// port to the store's MySQL (bytes go both ways) that closes again when the tab is left, and
// its WP-CLI console runs a command and shows the output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_PLUGIN_PHP } from '../../main/engine/strategies/woocommerce/login/login-plugin';
import { runLoginPlugin } from '../../main/engine/strategies/woocommerce/login/login-plugin-php.fixture';
import { shot } from './screenshots';
import { startSimApp, type SimApp } from './sim-app';
import type { StoreDetailPanel } from './store-detail.page';

const NAME = 'Tools Shop';
let s: SimApp;
let detail: StoreDetailPanel;
let fakeMysql: Server;

const roundTrip = (port: number, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (d) => {
      resolve(d.toString());
      socket.end();
    });
    socket.once('error', reject);
  });

beforeAll(async () => {
  s = await startSimApp(41);
  fakeMysql = createServer((socket) => socket.on('data', (d) => socket.write(`mysql: ${d.toString()}`)));
  await new Promise<void>((r) => fakeMysql.listen(0, '127.0.0.1', () => r()));
  const port = (fakeMysql.address() as AddressInfo).port;
  s.sim.setPortBackend((_ns, pod, p) =>
    pod.startsWith('mysql-') && p === 3306 ? { host: '127.0.0.1', port } : undefined,
  );
  await s.ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
  detail = s.ui.detail(NAME);
  await s.ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  fakeMysql?.close();
  await s?.close();
});

describe('store tools', () => {
  it('opens the admin signed in through a one-time link in a new tab', async () => {
    const button = detail.button('Open admin (logged in) ↗');
    await expect(button.isEnabled()).resolves.toBe(true);
    // The store host has no WordPress here, so the login plugin itself (under php-cli) answers
    // it: the browser must send no token in any URL, and post the fragment's token back.
    const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-e2e-login-'));
    const plugin = path.join(dir, 'storedeck-login.php');
    writeFileSync(plugin, LOGIN_PLUGIN_PHP);
    const seen: string[] = [];
    let posted = '';
    await s.browser.context.route('http://tools-shop.localhost/**', async (route) => {
      const req = route.request();
      seen.push(`${req.method()} ${req.url()}`);
      if (req.method() === 'POST') {
        posted = req.postData() ?? '';
        return route.fulfill({ contentType: 'text/html', body: '<p>signed in</p>' });
      }
      const { page } = runLoginPlugin({ contentDir: dir, plugin }, 'GET', '');
      return route.fulfill({ contentType: 'text/html', body: page });
    });
    const [tab] = await Promise.all([s.browser.context.waitForEvent('page'), button.click()]);
    await tab.getByText('signed in').waitFor();
    expect(seen).toEqual([
      'GET http://tools-shop.localhost/?storedeck_login',
      'POST http://tools-shop.localhost/?storedeck_login',
    ]);
    expect(posted).toMatch(/^storedeck_login_token=[A-Za-z0-9_-]{43}$/);
    await tab.close();
    await s.browser.context.unroute('http://tools-shop.localhost/**');
    rmSync(dir, { recursive: true, force: true });
    await detail.root.getByRole('status').filter({ hasText: 'signed in' }).waitFor();
  });

  it('forwards the database while the Tools tab is open and closes it when the tab is left', async () => {
    await detail.openTab('Tools');
    await detail.panel.getByRole('button', { name: 'Open database' }).click();
    const connection = detail.panel.getByRole('definition');
    await detail.panel.getByLabel('Database connection').waitFor();
    const texts = await connection.allTextContents();
    const [host, port, database, user, password] = texts;
    expect(password).toMatch(/^•+ *Copy/);
    expect([host, database, user]).toEqual(['127.0.0.1', 'wordpress', 'wordpress']);
    expect(await roundTrip(Number(port), 'SELECT 1')).toBe('mysql: SELECT 1');
    await detail.panel.getByRole('button', { name: 'Copy database password' }).waitFor();
    await shot(s.ui, 'store-tools-database');
    await detail.openTab('Timeline');
    await expect
      .poll(
        () =>
          roundTrip(Number(port), 'again').then(
            () => 'open',
            (e: Error) => e.message,
          ),
        { timeout: 10_000 },
      )
      .toMatch(/ECONNREFUSED/);
  });

  it('runs a WP-CLI command from the Tools tab and shows its output in the terminal', async () => {
    await detail.openTab('Tools');
    const command = detail.panel.getByLabel('WP-CLI command');
    await command.fill('plugin list --field=name');
    await detail.panel.getByRole('button', { name: 'Run' }).click();
    await detail.panel
      .getByRole('status')
      .filter({ hasText: 'Finished (exit code 0).' })
      .waitFor({ timeout: 60_000 });
    const output = detail.panel.getByRole('log', { name: `WP-CLI output of ${NAME}` });
    await expect.poll(() => output.textContent(), { timeout: 10_000 }).toMatch(/woocommerce/);
    await command.fill('option get no_such_option');
    await detail.panel.getByRole('button', { name: 'Run' }).click();
    await detail.panel
      .getByRole('status')
      .filter({ hasText: 'Failed with exit code 1.' })
      .waitFor({ timeout: 60_000 });
    await shot(s.ui, 'store-tools-wp-cli');
  });

  it('audits every tool without its secrets', async () => {
    const audit = await s.app.handlers.listAudit({ limit: 50 });
    if (!audit.ok) throw new Error(audit.error.message);
    const actions = audit.value.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['admin-login', 'open-database', 'wp-cli']));
    expect(JSON.stringify(audit.value)).not.toMatch(/storedeck_login|password=/);
  });
});
