// KubernetesObjectApi looks up each apiVersion's resource list once and caches it, but calls
// started together all miss the cache and each fetch it (a store's parallel applies made 6
// discovery requests, and concurrent stores more). Here concurrent lookups share one request.
import {
  KubernetesObjectApi,
  type Configuration,
  type KubeConfig,
  type V1APIResource,
} from '@kubernetes/client-node';

export class ObjectApi extends KubernetesObjectApi {
  private readonly discovering = new Map<string, Promise<unknown>>();

  static forConfig(kubeConfig: KubeConfig): ObjectApi {
    const client = kubeConfig.makeApiClient(ObjectApi);
    client.setDefaultNamespace(kubeConfig);
    return client;
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
