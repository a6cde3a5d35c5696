// How the code reaches the cluster: the app template (package.json, lockfiles, config, setup
// scripts, storefront) travels in one ConfigMap; init containers install it from the npm
// registry onto the store's volumes (bin/install.sh). Nothing but the app and a cluster that can
// reach registry.npmjs.org is needed — no image to build, push or load into Kind.
import { createHash } from 'node:crypto';
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { MEDUSA_COMPONENT, MEDUSA_NAMES } from './medusa-facts';
import { medusaMeta } from './object-meta';
import { TEMPLATE_FILES } from './template-files.generated';

/** ConfigMap keys allow [-._a-zA-Z0-9]: a path's slashes become "__" (no template file has one). */
export const templateKey = (path: string): string => path.split('/').join('__');

/** Hash of every template file: part of the pod templates, so a new template rolls them. */
export const TEMPLATE_HASH = createHash('sha256')
  .update(JSON.stringify(Object.entries(TEMPLATE_FILES)))
  .digest('hex')
  .slice(0, 16);

export function buildTemplateConfigMap(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.templateConfigMap, MEDUSA_COMPONENT.server),
    data: Object.fromEntries(Object.entries(TEMPLATE_FILES).map(([path, text]) => [templateKey(path), text])),
  };
}

/** A ConfigMap volume that lays the files out at their template paths. */
export function templateVolume(part: 'server' | 'storefront'): Record<string, unknown> {
  const paths = Object.keys(TEMPLATE_FILES).filter((path) =>
    part === 'storefront'
      ? path.startsWith('storefront/') || path.startsWith('bin/')
      : !path.startsWith('storefront/'),
  );
  return {
    name: 'template',
    configMap: {
      name: MEDUSA_NAMES.templateConfigMap,
      items: paths.map((path) => ({ key: templateKey(path), path })),
    },
  };
}
