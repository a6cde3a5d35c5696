import { describe, expect, it } from 'vitest';
import type { ApiObject, KubeObject } from '../kube/kube-object';
import { KubeError } from '../kube/errors';
import { checkoutEndpoint } from './checkout-endpoint';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'wordpress', namespace: 'store-a' },
  spec: { selector: { app: 'wp' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] },
};

function pod(
  name: string,
  opts: { ready?: boolean; labels?: Record<string, string>; deleting?: boolean } = {},
) {
  return {
    metadata: {
      name,
      labels: opts.labels ?? { app: 'wp' },
      ...(opts.deleting ? { deletionTimestamp: '2026-12-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'wordpress', ports: [{ name: 'web', containerPort: 8080 }] }] },
    status: { conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  } as ApiObject;
}

describe('checkoutEndpoint', () => {
  it('picks a Ready pod the Service selects, on the container port its targetPort names', () => {
    const pods = [
      pod('wp-b'),
      pod('wp-a', { ready: false }),
      pod('other', { labels: { app: 'mysql' } }),
      pod('wp-0', { deleting: true }),
    ];
    expect(checkoutEndpoint(service, 'http', pods)).toEqual({ pod: 'wp-b', port: 8080 });
  });

  it('a numeric targetPort is the pod port as it is', () => {
    const numeric = {
      ...service,
      spec: { ...(service.spec as object), ports: [{ name: 'http', port: 80, targetPort: 81 }] },
    };
    expect(checkoutEndpoint(numeric, 'http', [pod('wp-a')])).toEqual({ pod: 'wp-a', port: 81 });
  });

  it('no Ready pod yet is worth another pass (transient); a missing Service port is not', () => {
    const error = (() => {
      try {
        checkoutEndpoint(service, 'http', [pod('wp-a', { ready: false })]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({
      kind: 'transient',
      message: 'no Ready pod behind Service wordpress to place the test order with',
    });
    expect(() => checkoutEndpoint(service, 'https', [pod('wp-a')])).toThrow(
      'Service wordpress has no port "https"',
    );
  });
});
