// The environment the Medusa containers (server, its init containers, the Jobs) share. Secrets
// arrive through secretKeyRef; DATABASE_URL is composed by the kubelet from the password
// variable ($(VAR) expansion), so no secret is ever written into a pod spec.
import type { StoreContext } from '../strategy';
import { APP_DIR, MEDUSA_DATABASE, MEDUSA_NAMES, MEDUSA_PORTS, MEDUSA_SECRET_KEYS } from './medusa-facts';
import { fromSecret, type EnvVar } from '../env-var';

/** As the browser reaches the store: the port too when the ingress is not on port 80. */
export const storeUrl = (ctx: StoreContext): string => ctx.origin;
export const serverUrl = `http://${MEDUSA_NAMES.server}:${MEDUSA_PORTS.server}`;
export const storefrontUrl = `http://${MEDUSA_NAMES.storefront}:${MEDUSA_PORTS.storefront}`;

/** Node tooling writes caches under HOME; /tmp is an emptyDir (the root filesystem is not). */
export const NODE_TOOLING_ENV: EnvVar[] = [
  { name: 'HOME', value: '/tmp' },
  { name: 'npm_config_cache', value: '/tmp/npm-cache' },
  { name: 'npm_config_update_notifier', value: 'false' },
  { name: 'MEDUSA_DISABLE_TELEMETRY', value: 'true' },
];

export function medusaEnv(ctx: StoreContext): EnvVar[] {
  return [
    ...NODE_TOOLING_ENV,
    { name: 'NODE_ENV', value: 'production' },
    { name: 'APP_DIR', value: APP_DIR },
    fromSecret('POSTGRES_PASSWORD', MEDUSA_NAMES.databaseSecret, MEDUSA_SECRET_KEYS.postgresPassword),
    { name: 'POSTGRES_HOST', value: MEDUSA_NAMES.postgres },
    { name: 'POSTGRES_PORT', value: String(MEDUSA_PORTS.postgres) },
    {
      name: 'DATABASE_URL',
      value: `postgres://${MEDUSA_DATABASE.user}:$(POSTGRES_PASSWORD)@${MEDUSA_NAMES.postgres}:${MEDUSA_PORTS.postgres}/${MEDUSA_DATABASE.name}`,
    },
    { name: 'REDIS_URL', value: `redis://${MEDUSA_NAMES.redis}:${MEDUSA_PORTS.redis}` },
    fromSecret('JWT_SECRET', MEDUSA_NAMES.appSecret, MEDUSA_SECRET_KEYS.jwtSecret),
    fromSecret('COOKIE_SECRET', MEDUSA_NAMES.appSecret, MEDUSA_SECRET_KEYS.cookieSecret),
    { name: 'STORE_URL', value: storeUrl(ctx) },
  ];
}

export function adminEnv(ctx: StoreContext): EnvVar[] {
  return [
    { name: 'ADMIN_EMAIL', value: ctx.adminEmail },
    fromSecret('ADMIN_PASSWORD', MEDUSA_NAMES.appSecret, MEDUSA_SECRET_KEYS.adminPassword),
  ];
}
