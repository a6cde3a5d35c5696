// PHP settings for WordPress and the WP-CLI jobs, as one ConfigMap file mounted into the official
// php images' scan dir (/usr/local/etc/php/conf.d). Only that one file is mounted (subPath), so
// the image's own docker-php-ext-*.ini files stay; "zz-" sorts it last, so it wins.
import { createHash } from 'node:crypto';
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, OBJECT_NAMES, PHP_SETTINGS } from './woocommerce-facts';
import { objectMeta } from './object-meta';

const INI_KEY = 'storedeck.ini';
const VOLUME = 'php-ini';
export const PHP_INI_PATH = '/usr/local/etc/php/conf.d/zz-storedeck.ini';

export const PHP_INI = [
  '; Written by Storedeck (strategies/woocommerce/woocommerce-facts.ts): upload sizes match the ingress body size.',
  ...Object.entries(PHP_SETTINGS).map(([key, value]) => `${key} = ${value}`),
  '',
].join('\n');

/** A subPath mount never sees ConfigMap updates: this hash on the pod template rolls the pod instead. */
export const PHP_INI_SHA256 = createHash('sha256').update(PHP_INI).digest('hex');
export const PHP_INI_HASH_ANNOTATION = 'storedeck.dev/php-ini-sha256';

export function buildPhpConfig(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(ctx, OBJECT_NAMES.phpConfig, COMPONENT.wordpress),
    data: { [INI_KEY]: PHP_INI },
  };
}

export const phpIniVolume = { name: VOLUME, configMap: { name: OBJECT_NAMES.phpConfig } };
export const phpIniMount = { name: VOLUME, mountPath: PHP_INI_PATH, subPath: INI_KEY, readOnly: true };
