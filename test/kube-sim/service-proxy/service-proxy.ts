// The API server's service proxy (/api/v1/namespaces/<ns>/services/[scheme:]<name>[:port]/proxy/…):
// finds the Service and a ready pod behind it, as the real one does before dialing, then
// forwards the request (Host header kept, credentials dropped) to an HTTP backend on 127.0.0.1.
// A test registers its own backend per Service; otherwise a WordPress pod is answered by the
// shared FakeWooCommerce, once the namespace's WordPress has WooCommerce active. The same fake
// answers a WordPress pod's port 80 through pods/portforward (podBackend), where the site is
// told by the store's Host header, as the Ingress names it.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { WpSites } from '../controllers/kubelet/wp-sites.js';
import { imageFlavour } from '../controllers/image.js';
import type { ResourceRoute } from '../server/route.js';
import { StatusError, type KubeObject, type ObjectStore, type ResourceType } from '../types.js';
import { FakeWooCommerce, SITE_HEADER } from './fake-woocommerce.js';

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/;

export interface ProxyTarget {
  namespace: string;
  /** `[scheme:]name[:port]` as in the URL. */
  id: string;
  /** Path on the service (always starts with /). */
  path: string;
}

export interface ServiceBackends {
  /** Sends the Service's proxied requests to this http://127.0.0.1:port backend. */
  register(namespace: string, service: string, url: string): void;
  unregister(namespace: string, service: string): void;
}

export function matchServiceProxy(pathname: string): ProxyTarget | undefined {
  const m = PROXY_PATH.exec(pathname);
  if (!m) return undefined;
  return { namespace: decodeURIComponent(m[1] ?? ''), id: decodeURIComponent(m[2] ?? ''), path: m[3] ?? '/' };
}

/** The resource route RBAC sees for a proxy request: services/proxy, named by the URL's id. */
export function proxyRoute(types: readonly ResourceType[], target: ProxyTarget): ResourceRoute {
  const type = types.find((t) => t.group === '' && t.plural === 'services') as ResourceType;
  return { type, key: 'services', namespace: target.namespace, name: target.id, subresource: 'proxy' };
}

const unavailable = (message: string): StatusError => new StatusError(503, 'ServiceUnavailable', message);

function selects(selector: Record<string, string>, pod: KubeObject): boolean {
  const labels = pod.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

const isReady = (pod: KubeObject): boolean =>
  !pod.metadata.deletionTimestamp &&
  ((pod.status?.conditions ?? []) as Array<{ type: string; status: string }>).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

/** The namespace whose Ingress routes this host (what tells WordPress sites apart by Host). */
export function siteForHost(store: ObjectStore, host: string): string | undefined {
  const ingress = store
    .list('ingresses.networking.k8s.io')
    .find((i) => ((i.spec?.rules ?? []) as Array<{ host?: string }>).some((r) => r.host === host));
  return ingress?.metadata.namespace;
}

const WORDPRESS_PORT = 80;

export function createServiceProxy(store: ObjectStore, sites: WpSites) {
  const backends = new Map<string, string>();
  const woo = new FakeWooCommerce({
    checkAdmin: (site, user, password) => {
      const state = sites.get(site);
      const found = state?.findUser(user);
      return !!found && !!state?.checkPassword(found, password);
    },
    siteForHost: (host) => siteForHost(store, host),
  });
  let wooUrl: Promise<string> | null = null;

  /** The Service, the port asked for, and a ready pod behind it (503 as the API server says it). */
  function endpoint(target: ProxyTarget): { service: string; pod: KubeObject } {
    const parts = target.id.split(':');
    const [name, port] =
      parts.length === 3
        ? [parts[1], parts[2]]
        : parts.length === 2 && /^https?$/.test(parts[0] ?? '')
          ? [parts[1], undefined]
          : [parts[0], parts[1]];
    const svc = store.get('services', target.namespace, name ?? '');
    if (!svc)
      throw new StatusError(404, 'NotFound', `services "${name}" not found`, { name, kind: 'services' });
    const ports = (svc.spec?.ports ?? []) as Array<{ name?: string; port: number }>;
    if (port && !ports.some((p) => p.name === port || String(p.port) === port))
      throw unavailable(`no endpoints available for service "${target.id}"`);
    const selector = (svc.spec?.selector ?? {}) as Record<string, string>;
    const pod = store.list('pods', target.namespace).find((p) => selects(selector, p) && isReady(p));
    if (!pod) throw unavailable(`no endpoints available for service "${name}"`);
    return { service: name ?? '', pod };
  }

  const servesWooCommerce = (namespace: string, pod: KubeObject): boolean =>
    ((pod.spec?.containers ?? []) as Array<{ image: string }>).some(
      (c) => imageFlavour(c.image) === 'wordpress',
    ) && !!sites.get(namespace)?.activePlugins.has('woocommerce');

  async function backendFor(target: ProxyTarget, service: string, pod: KubeObject): Promise<string> {
    const registered = backends.get(`${target.namespace}/${service}`);
    if (registered) return registered;
    if (servesWooCommerce(target.namespace, pod)) return (wooUrl ??= woo.serve());
    throw unavailable(
      `error trying to reach service: dial tcp ${String(pod.status?.podIP ?? '')}:80: connect: connection refused`,
    );
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    target: ProxyTarget,
    search: string,
  ): Promise<void> {
    const { service, pod } = endpoint(target);
    const backend = new URL(await backendFor(target, service, pod));
    const headers = { ...req.headers, [SITE_HEADER]: target.namespace };
    delete headers.authorization;
    await new Promise<void>((resolve, reject) => {
      const out = request(
        {
          hostname: backend.hostname,
          port: backend.port,
          method: req.method,
          path: `${target.path}${search}`,
          headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', reject);
        },
      );
      out.on('error', (e) => reject(unavailable(`error trying to reach service: ${e.message}`)));
      res.on('close', () => out.destroy());
      req.pipe(out);
    });
  }

  /** A WordPress pod's port 80 for pods/portforward: the fake, once WooCommerce is active there. */
  function podBackend(namespace: string, podName: string, port: number) {
    const pod = store.get('pods', namespace, podName);
    const listening = woo.port();
    if (!pod || port !== WORDPRESS_PORT || listening === null || !servesWooCommerce(namespace, pod))
      return undefined;
    return { host: '127.0.0.1', port: listening };
  }

  return {
    match: matchServiceProxy,
    handle,
    podBackend,
    /** Starts the fake now, so a port-forward can reach it without waiting. */
    start: async (): Promise<void> => {
      await (wooUrl ??= woo.serve());
    },
    /** The fake every WordPress Service reaches unless a test registered its own backend. */
    woocommerce: woo,
    backends: {
      register: (namespace, service, url) => backends.set(`${namespace}/${service}`, url),
      unregister: (namespace, service) => backends.delete(`${namespace}/${service}`),
    } satisfies ServiceBackends,
    stop: () => woo.stop(),
  };
}

export type ServiceProxy = ReturnType<typeof createServiceProxy>;
