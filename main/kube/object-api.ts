// KubernetesObjectApi looks up each apiVersion's resource list once and caches it, but calls
// started together all miss the cache and each fetch it (a store's parallel applies made 6
// discovery requests, and concurrent stores more). Here concurrent lookups share one request.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  KubernetesObjectApi,
  type Configuration,
  type KubeConfig,
  type V1APIResource,
} from '@kubernetes/client-node';

// client-node returns only the body; whether a server-side apply created the object (201) or
// changed one that was there (200) is in the status. A response middleware records it for the
// call it belongs to, found through the async context the call runs in.
const currentCall = new AsyncLocalStorage<{ status?: number }>();
// The generated client's middleware speaks its own minimal Observable: anything with toPromise().
const resolved = <T>(value: T) => ({ toPromise: () => Promise.resolve(value) });

export class ObjectApi extends KubernetesObjectApi {
  private readonly discovering = new Map<string, Promise<unknown>>();

  static forConfig(kubeConfig: KubeConfig): ObjectApi {
    const client = kubeConfig.makeApiClient(ObjectApi);
    client.setDefaultNamespace(kubeConfig);
    client.configuration.middleware.push({
      pre: (request) => resolved(request) as never,
      post: (response) => {
        const call = currentCall.getStore();
        if (call) call.status = response.httpStatusCode;
        return resolved(response) as never;
      },
    });
    return client;
  }

  /** Runs fn and returns its value with the HTTP status of the last response it got. */
  async withStatus<T>(fn: () => Promise<T>): Promise<{ value: T; status: number | undefined }> {
    const call: { status?: number } = {};
    const value = await currentCall.run(call, fn);
    return { value, status: call.status };
  }

  protected override async resource(
    apiVersion: string,
    kind: string,
    options?: Configuration,
  ): Promise<V1APIResource | undefined> {
    const inFlight = this.discovering.get(apiVersion);
    // Once the first lookup settles the parent's cache answers (or, after a failure, fetches again).
    if (inFlight) return inFlight.then(() => super.resource(apiVersion, kind, options));
    const lookup = super.resource(apiVersion, kind, options);
    const settled = lookup.then(
      () => undefined,
      () => undefined,
    );
    this.discovering.set(apiVersion, settled);
    void settled.then(() => this.discovering.delete(apiVersion));
    return lookup;
  }
}
