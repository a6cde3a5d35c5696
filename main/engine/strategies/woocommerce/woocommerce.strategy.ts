// The WooCommerce plan: 16 objects per store (15 applied together, then the setup Job once
// MySQL and WordPress are available), readiness = the setup Job succeeded and a test order
// went through the store's own checkout.
import type { StoreStrategy } from '../strategy';
import { woocommerceCheckout } from './checkout-verify';
import { WOOCOMMERCE_COMPONENTS } from './woocommerce-components';
import { ADMIN_USER, DATABASE, OBJECT_NAMES, PLAN, SECRET_KEYS } from './woocommerce-facts';
import { diagnoseWooCommerce } from './diagnose';
import { buildWpConsolePod, WP_CONSOLE_CONTAINER, WP_CONSOLE_POD } from './wp-console-pod';
import { buildPasswordResetJob, buildSetupJob } from './jobs';
import { buildIngress } from './ingress';
import { buildMysqlDeployment, buildMysqlService } from './mysql';
import { buildNamespace } from './namespace';
import { buildNetworkPolicy, buildSetupEgressPolicy } from './network-policy';
import { createWooAdminLogin } from './login/admin-login';
import { buildPhpConfig } from './php-config';
import { buildLimitRange, buildQuota } from './quota';
import { buildSecrets, newSecretMaterial } from './secrets';
import { buildVolumeClaims } from './storage';
import { buildWordpressDeployment, buildWordpressService } from './wordpress';

export const woocommerceStrategy: StoreStrategy = {
  plan: PLAN,
  label: 'WooCommerce',
  components: WOOCOMMERCE_COMPONENTS,
  newSecrets: () => newSecretMaterial(),
  secrets: buildSecrets,
  resources: (ctx) => [
    buildNamespace(ctx),
    buildQuota(ctx),
    buildLimitRange(ctx),
    buildNetworkPolicy(ctx),
    buildSetupEgressPolicy(ctx),
    buildPhpConfig(ctx),
    ...buildVolumeClaims(ctx),
    buildMysqlDeployment(ctx),
    buildMysqlService(ctx),
    buildWordpressDeployment(ctx),
    buildWordpressService(ctx),
    buildIngress(ctx),
  ],
  // Setup needs the database and WordPress's files on the volume; nothing else is waited for.
  awaitedDeployments: [OBJECT_NAMES.mysql, OBJECT_NAMES.wordpress],
  setupJob: buildSetupJob,
  setupJobName: OBJECT_NAMES.setupJob,
  setupMessage: 'Installing WordPress and WooCommerce',
  adminCredentials: {
    user: ADMIN_USER,
    secretName: OBJECT_NAMES.wordpressSecret,
    passwordKey: SECRET_KEYS.adminPassword,
  },
  passwordResetJob: buildPasswordResetJob,
  appDeployment: OBJECT_NAMES.wordpress,
  quotaName: OBJECT_NAMES.quota,
  urls: (ctx) => ({ url: `${ctx.origin}/`, adminUrl: `${ctx.origin}/wp-admin/` }),
  diagnose: diagnoseWooCommerce,
  wpCli: {
    pod: buildWpConsolePod,
    podName: WP_CONSOLE_POD,
    container: WP_CONSOLE_CONTAINER,
    appDeployment: OBJECT_NAMES.wordpress,
  },
  database: {
    engine: 'mysql',
    deployment: OBJECT_NAMES.mysql,
    port: DATABASE.port,
    database: DATABASE.name,
    user: DATABASE.user,
    secretName: OBJECT_NAMES.mysqlSecret,
    passwordKey: SECRET_KEYS.mysqlPassword,
  },
  backup: {
    database: {
      deployment: OBJECT_NAMES.mysql,
      container: 'mysql',
      rootPasswordEnv: 'MYSQL_ROOT_PASSWORD',
      databaseEnv: 'MYSQL_DATABASE',
    },
    // Core files come with the image; wp-content is the site (uploads, plugins, themes).
    files: {
      deployment: OBJECT_NAMES.wordpress,
      container: OBJECT_NAMES.wordpress,
      dir: '/var/www/html/wp-content',
      members: ['uploads', 'plugins', 'themes'],
    },
    adminUser: ADMIN_USER,
  },
  adminLogin: (client, store, signal) =>
    createWooAdminLogin(
      client,
      {
        namespace: store.namespace,
        deployment: OBJECT_NAMES.wordpress,
        container: OBJECT_NAMES.wordpress,
        user: ADMIN_USER,
        storeUrl: store.url,
      },
      signal,
    ),
  checkout: woocommerceCheckout,
};
