// The Medusa 2.x configuration of every Storedeck MedusaJS store. Everything that differs
// between stores (database, Redis, secrets, host names) comes from the environment, which the
// strategy fills from the store's Secrets; nothing store-specific is baked into the template.
import { defineConfig, loadEnv } from '@medusajs/framework/utils';

loadEnv(process.env.NODE_ENV || 'production', process.cwd());

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the store's Secret provides it)`);
  return value;
}

const redisUrl = required('REDIS_URL');
// Browsers reach the store through one host; the storefront talks to the server in-cluster.
const storeUrl = process.env.STORE_URL ?? 'http://localhost:8000';

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: required('DATABASE_URL'),
    // The database runs next to the server in the store namespace, without TLS.
    databaseDriverOptions: { connection: { ssl: false } },
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as 'shared' | 'worker' | 'server') ?? 'shared',
    http: {
      storeCors: storeUrl,
      adminCors: storeUrl,
      authCors: storeUrl,
      jwtSecret: required('JWT_SECRET'),
      cookieSecret: required('COOKIE_SECRET'),
    },
    // Medusa marks the session cookie Secure in production, and express-session then sends no
    // cookie at all over plain http:// — the admin could never stay signed in on a store URL
    // such as http://shop.localhost. Secure exactly when the store is served over https.
    cookieOptions: { secure: storeUrl.startsWith('https://') },
  },
  admin: {
    // Served by the server itself at /app on the store host (built by `medusa build`).
    path: '/app',
    // "/" makes the dashboard call the origin it was loaded from (js-sdk getBaseUrl): the build
    // runs once per template, before any store URL is known, so no URL may be baked into it.
    backendUrl: '/',
    disable: process.env.MEDUSA_ADMIN_DISABLED === 'true',
  },
  modules: [
    { resolve: '@medusajs/medusa/event-bus-redis', options: { redisUrl } },
    { resolve: '@medusajs/medusa/workflow-engine-redis', options: { redis: { redisUrl } } },
  ],
});
