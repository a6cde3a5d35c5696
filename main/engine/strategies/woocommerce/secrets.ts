// Secret material is generated here with crypto and written only to Kubernetes Secrets; the
// engine reads passwords back from the cluster on demand and never stores them.
import { randomBytes } from 'node:crypto';
import type { SecretMaterial, StoreContext } from '../strategy';
import { opaqueSecret } from '../secret-object';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, OBJECT_NAMES, SECRET_KEYS, WP_SALT_KEYS, type Component } from './woocommerce-facts';
import { objectMeta } from './object-meta';

const password = (): string => randomBytes(24).toString('base64url'); // 192 bits, 32 chars
const salt = (): string => randomBytes(48).toString('base64url'); // 64 chars, as WordPress's own

export function newSecretMaterial(): SecretMaterial {
  const wordpress: Record<string, string> = { [SECRET_KEYS.adminPassword]: password() };
  for (const [key] of WP_SALT_KEYS) wordpress[key] = salt();
  return {
    [OBJECT_NAMES.mysqlSecret]: {
      [SECRET_KEYS.mysqlRootPassword]: password(),
      [SECRET_KEYS.mysqlPassword]: password(),
    },
    [OBJECT_NAMES.wordpressSecret]: wordpress,
  };
}

const REQUIRED_KEYS: Record<string, readonly string[]> = {
  [OBJECT_NAMES.mysqlSecret]: [SECRET_KEYS.mysqlRootPassword, SECRET_KEYS.mysqlPassword],
  [OBJECT_NAMES.wordpressSecret]: [SECRET_KEYS.adminPassword, ...WP_SALT_KEYS.map(([key]) => key)],
};

function secret(ctx: StoreContext, name: string, component: Component, material: SecretMaterial): KubeObject {
  return opaqueSecret(objectMeta(ctx, name, component), material, REQUIRED_KEYS[name] ?? []);
}

export function buildSecrets(ctx: StoreContext, material: SecretMaterial): KubeObject[] {
  return [
    secret(ctx, OBJECT_NAMES.mysqlSecret, COMPONENT.mysql, material),
    secret(ctx, OBJECT_NAMES.wordpressSecret, COMPONENT.wordpress, material),
  ];
}
