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
function forwardFailure(reason: string, port: number): KubeError {
  const status = /\b(401|403)\b/.exec(reason)?.[1];
  return new KubeError({
    kind: status ? 'permanent' : 'transient',
    status: status ? Number(status) : null,
    reason: status ? 'Forbidden' : null,
    message: `the port-forward to port ${port} failed: ${reason}`,
    retryAfterMs: null,
  });
}

export async function openPodHttp(
  kubeConfig: KubeConfig,
  target: ForwardTarget & { host: string },
): Promise<PodHttp> {
  const forward = await startPortForward(kubeConfig, target);
  // One socket, kept alive between requests: one stream through the API server for them all.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const http: StoreHttp = async (req) => {
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
      const refused = forward.lastError();
      if (refused) throw forwardFailure(refused, target.port);
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
