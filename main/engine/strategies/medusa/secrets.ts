// Secret material of a MedusaJS store, generated with crypto and written only to Secrets: the
// database password, Medusa's JWT and cookie secrets and the admin password.
import { randomBytes } from 'node:crypto';
import type { SecretMaterial, StoreContext } from '../strategy';
import { opaqueSecret } from '../secret-object';
import type { KubeObject } from '../../../kube/kube-object';
import { MEDUSA_COMPONENT, MEDUSA_NAMES, MEDUSA_SECRET_KEYS, type MedusaComponent } from './medusa-facts';
import { medusaMeta } from './object-meta';

const password = (): string => randomBytes(24).toString('base64url'); // 192 bits
const signingSecret = (): string => randomBytes(48).toString('base64url'); // 384 bits

export function newMedusaSecretMaterial(): SecretMaterial {
  return {
    [MEDUSA_NAMES.databaseSecret]: { [MEDUSA_SECRET_KEYS.postgresPassword]: password() },
    [MEDUSA_NAMES.appSecret]: {
      [MEDUSA_SECRET_KEYS.jwtSecret]: signingSecret(),
      [MEDUSA_SECRET_KEYS.cookieSecret]: signingSecret(),
      [MEDUSA_SECRET_KEYS.adminPassword]: password(),
    },
  };
}

const REQUIRED: Record<string, readonly string[]> = {
  [MEDUSA_NAMES.databaseSecret]: [MEDUSA_SECRET_KEYS.postgresPassword],
  [MEDUSA_NAMES.appSecret]: [
    MEDUSA_SECRET_KEYS.jwtSecret,
    MEDUSA_SECRET_KEYS.cookieSecret,
    MEDUSA_SECRET_KEYS.adminPassword,
  ],
};

function secret(
  ctx: StoreContext,
  name: string,
  component: MedusaComponent,
  material: SecretMaterial,
): KubeObject {
  return opaqueSecret(medusaMeta(ctx, name, component), material, REQUIRED[name] ?? []);
}

export function buildMedusaSecrets(ctx: StoreContext, material: SecretMaterial): KubeObject[] {
  return [
    secret(ctx, MEDUSA_NAMES.databaseSecret, MEDUSA_COMPONENT.postgres, material),
    secret(ctx, MEDUSA_NAMES.appSecret, MEDUSA_COMPONENT.server, material),
  ];
}
