// The MedusaJS plan: PostgreSQL (StatefulSet), Redis, the Medusa server (API + admin at /app)
// and our storefront, the app template shipped in a ConfigMap and installed from the npm
// registry by init containers, and a setup Job that ends with a checkout through the
// storefront — so a Ready Medusa store has taken (and cancelled) an order.
import type { StoreContext, StoreStrategy } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { buildAppClaim, buildServerDeployment, buildStorefrontDeployment } from './app-workloads';
import { buildPostgresClaim, buildPostgresStatefulSet, buildRedisDeployment, service } from './data-stores';
import { diagnoseMedusa } from './diagnose';
import { createMedusaAdminLogin } from './admin-login';
import { MEDUSA_COMPONENTS } from './medusa-components';
import { buildMedusaIngress } from './ingress';
import { buildMedusaPasswordResetJob, buildMedusaSetupJob } from './jobs';
import { MEDUSA_COMPONENT, MEDUSA_NAMES, MEDUSA_PORTS, MEDUSA_SECRET_KEYS, PLAN } from './medusa-facts';
import { buildMedusaSecrets, newMedusaSecretMaterial } from './secrets';
import {
  buildMedusaLimitRange,
  buildMedusaNamespace,
  buildMedusaNetworkPolicy,
  buildMedusaQuota,
} from './store-objects';
import { buildTemplateConfigMap } from './template-config-map';

export function medusaResources(ctx: StoreContext): KubeObject[] {
  return [
    buildMedusaNamespace(ctx),
    buildMedusaQuota(ctx),
    buildMedusaLimitRange(ctx),
    buildMedusaNetworkPolicy(ctx),
    buildTemplateConfigMap(ctx),
    buildPostgresClaim(ctx),
    buildPostgresStatefulSet(ctx),
    service(ctx, MEDUSA_NAMES.postgres, MEDUSA_COMPONENT.postgres, MEDUSA_PORTS.postgres),
    buildRedisDeployment(ctx),
    service(ctx, MEDUSA_NAMES.redis, MEDUSA_COMPONENT.redis, MEDUSA_PORTS.redis),
    buildAppClaim(ctx),
    buildServerDeployment(ctx),
    service(ctx, MEDUSA_NAMES.server, MEDUSA_COMPONENT.server, MEDUSA_PORTS.server),
    buildStorefrontDeployment(ctx),
    service(ctx, MEDUSA_NAMES.storefront, MEDUSA_COMPONENT.storefront, MEDUSA_PORTS.storefront),
    buildMedusaIngress(ctx),
  ];
}

export const medusaStrategy: StoreStrategy = {
  plan: PLAN,
  label: 'MedusaJS',
  components: MEDUSA_COMPONENTS,
  newSecrets: () => newMedusaSecretMaterial(),
  secrets: buildMedusaSecrets,
  resources: medusaResources,
  // The server is Available only after its install and migrations, which needed PostgreSQL:
  // it is the one true dependency of setup (which also needs Redis, reached through the server's
  // own readiness). The storefront becomes ready after setup and is checked by the Job itself.
  awaitedDeployments: [MEDUSA_NAMES.server, MEDUSA_NAMES.redis],
  setupJob: buildMedusaSetupJob,
  setupJobName: MEDUSA_NAMES.setupJob,
  setupMessage: 'Migrating the database, configuring the store and placing a test order',
  // Medusa's admin signs in with an email: the store's admin email (no fixed user name).
  adminCredentials: {
    secretName: MEDUSA_NAMES.appSecret,
    passwordKey: MEDUSA_SECRET_KEYS.adminPassword,
  },
  passwordResetJob: buildMedusaPasswordResetJob,
  appDeployment: MEDUSA_NAMES.server,
  quotaName: MEDUSA_NAMES.quota,
  urls: (ctx) => ({ url: `${ctx.origin}/`, adminUrl: `${ctx.origin}/app` }),
  diagnose: diagnoseMedusa,
  adminLogin: createMedusaAdminLogin,
};
