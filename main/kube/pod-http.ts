// HTTP to one pod's port through a single pods/portforward stream, as `kubectl port-forward`
// and curl would do it. Every request rides one kept-alive connection, so a whole exchange (the
// checkout check is eight requests) costs the API server one request instead of one per call.
// And the kubelet connects inside the pod's own network namespace, so the store's deny-by-default
// NetworkPolicy never stands in the way, whichever node the pod runs on (the service proxy dials
// from the API server's host, which a policy on a multi-node cluster may refuse).
import { Agent } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { classifyError, KubeError } from './errors';
import { startPortForward, type ForwardTarget } from './port-forward';
import { HttpTimeoutError, sendHttp, type StoreHttp } from './http-exchange';

export interface PodHttp {
  http: StoreHttp;
  /** pods/portforward streams opened so far (one, unless the pod closed a kept-alive connection). */
  streams(): number;
  close(): Promise<void>;
}

/** The kubelet's or the upgrade's refusal, classified: 401/403 stop, anything else is retried. */
function forwardFailure(reason: string, target: ForwardTarget): KubeError {
  const status = Number(/Unexpected server response: (\d{3})/.exec(reason)?.[1] ?? NaN);
  const denied = status === 401 || status === 403;
  const what = `the port-forward to pod ${target.pod} port ${target.port}`;
  const message = denied
    ? `${what} was refused (HTTP ${status}): this identity may not create pods/portforward in ${target.namespace}`
    : status === 404
      ? `${what} failed: the pod is gone (HTTP 404); the next pass picks the one that replaced it`
      : `${what} failed: ${reason}`;
  return new KubeError({
    kind: denied ? 'permanent' : 'transient',
    status: Number.isNaN(status) ? null : status,
    reason: denied ? 'Forbidden' : null,
    message,
    retryAfterMs: null,
  });
}

export async function openPodHttp(
  kubeConfig: KubeConfig,
  target: ForwardTarget & { host: string },
): Promise<PodHttp> {
  // The reason reported for the request in flight (cleared as each one starts, so an earlier
  // connection's error is never blamed on a later request).
  let refused: string | null = null;
  const forward = await startPortForward(kubeConfig, target, { onError: (message) => (refused = message) });
  // One socket, kept alive between requests: one stream through the API server for them all.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const http: StoreHttp = async (req) => {
    refused = null;
    try {
      return await sendHttp(
        {
          method: req.method,
          hostname: forward.host,
          port: forward.port,
          path: req.path,
          agent,
          protocol: 'http:',
          headers: {
            ...req.headers,
            Host: target.host,
            ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}),
          },
        },
        req,
      );
    } catch (error) {
      if (error instanceof HttpTimeoutError || req.signal?.aborted) throw error;
      if (refused) throw forwardFailure(refused, target);
      const classified = classifyError(error);
      if (classified.kind === 'transient') throw new KubeError(classified, { cause: error });
      throw error;
    }
  };
  return {
    http,
    streams: () => forward.connections(),
    close: async () => {
      agent.destroy();
      await forward.close();
    },
  };
}
