import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { ANNOTATION } from '../../model/labels';
import { COMPONENT } from './woocommerce-facts';
import { labelsFor } from './object-meta';

export function buildNamespace(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: {
        ...labelsFor(ctx, COMPONENT.store),
        // Enforce baseline (no host access, no privilege); every store pod meets restricted too
        // (pod-security.ts), and warn/audit say so if a change by hand ever breaks it.
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
      // The display name may hold any printable character, so it lives in an annotation.
      annotations: { [ANNOTATION.storeName]: ctx.name },
    },
  };
}
