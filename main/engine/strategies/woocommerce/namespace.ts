import type { KubeObject, StoreContext } from '../strategy';
import { ANNOTATION, COMPONENT } from '../../store-model';
import { labelsFor } from './object-meta';

export function buildNamespace(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: {
        ...labelsFor(ctx, COMPONENT.store),
        // Nothing in a store needs more than baseline (no host access, no privilege).
        'pod-security.kubernetes.io/enforce': 'baseline',
      },
      // The display name may hold any printable character, so it lives in an annotation.
      annotations: { [ANNOTATION.storeName]: ctx.name },
    },
  };
}
