// The Medusa app template, installed and run exactly as the store's containers do: the same
// bin/install.sh (npm ci from the template's lockfile + `medusa build`), bin/setup.sh (the setup
// Job) and bin/start.sh (the server). The install is cached in node_modules/.cache/medusa-app,
// keyed by the lockfile's hash; install.sh itself skips work already done for the same files.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, run, start, type Running } from './processes.fixture';

export const TEMPLATE_DIR = resolve(import.meta.dirname, '../../main/engine/strategies/medusa/app');
const BIN = join(TEMPLATE_DIR, 'bin');

function lockHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

export const CACHE_DIR = resolve(
  import.meta.dirname,
  '../../node_modules/.cache/medusa-app',
  `${lockHash(join(TEMPLATE_DIR, 'package-lock.json'))}-${lockHash(join(TEMPLATE_DIR, 'storefront/package-lock.json'))}`,
);
export const SERVER_DIR = join(CACHE_DIR, 'server');
export const STOREFRONT_DIR = join(CACHE_DIR, 'storefront');

/**
 * npm ci + build for both parts; minutes cold, seconds when the cache is warm. The bound is
 * generous: on a shared, loaded 2-core machine the admin build alone has taken over 5 minutes.
 */
export async function installTemplate(): Promise<void> {
  await run('sh', [join(BIN, 'install.sh'), 'server', TEMPLATE_DIR, SERVER_DIR], { timeoutMs: 1_200_000 });
  await run('sh', [join(BIN, 'install.sh'), 'storefront', TEMPLATE_DIR, STOREFRONT_DIR], {
    timeoutMs: 180_000,
  });
}

export interface StoreEnv {
  databaseUrl: string;
  redisUrl: string;
  adminEmail: string;
  adminPassword: string;
}

export function medusaEnv(store: StoreEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: store.databaseUrl,
    REDIS_URL: store.redisUrl,
    JWT_SECRET: randomBytes(24).toString('hex'),
    COOKIE_SECRET: randomBytes(24).toString('hex'),
    ADMIN_EMAIL: store.adminEmail,
    ADMIN_PASSWORD: store.adminPassword,
    MEDUSA_DISABLE_TELEMETRY: 'true',
    ...extra,
  };
}

/** bin/setup.sh, the setup Job's command; resolves with its output. */
export function runSetup(env: NodeJS.ProcessEnv): Promise<string> {
  return run('sh', [join(BIN, 'setup.sh'), SERVER_DIR], { env, timeoutMs: 300_000 });
}

/** bin/set-password.sh, the password-reset Job's command (ADMIN_PASSWORD from env). */
export function runSetPassword(env: NodeJS.ProcessEnv): Promise<string> {
  return run('sh', [join(BIN, 'set-password.sh'), SERVER_DIR], { env, timeoutMs: 300_000 });
}

/** bin/verify-checkout.mjs, the setup Job's last step; resolves with its output. */
export function runVerifyCheckout(env: NodeJS.ProcessEnv): Promise<string> {
  return run('node', [join(BIN, 'verify-checkout.mjs')], { env, timeoutMs: 120_000 });
}

export interface Served extends Running {
  url: string;
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const running = await start('sh', [join(BIN, 'start.sh'), SERVER_DIR], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    name: 'medusa server',
    ready: /Server is ready on port/,
    timeoutMs: 180_000,
  });
  return { ...running, url: `http://127.0.0.1:${port}` };
}

export async function startStorefront(backendUrl: string): Promise<Served> {
  const port = await freePort();
  const running = await start('node', [join(STOREFRONT_DIR, 'server.mjs')], {
    env: { ...process.env, MEDUSA_BACKEND_URL: backendUrl, HOST: '127.0.0.1', PORT: String(port) },
    name: 'storefront',
    ready: /storefront listening/,
    timeoutMs: 30_000,
  });
  return { ...running, url: `http://127.0.0.1:${port}` };
}
