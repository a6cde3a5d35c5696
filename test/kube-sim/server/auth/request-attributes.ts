import type { ResourceRoute } from '../route.js';

/** authorizer.Attributes as the apiserver's RequestInfoFactory derives them from a request. */
export interface RequestAttributes {
  resourceRequest: boolean;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  path: string;
}

export function nonResourceAttributes(method: string, path: string): RequestAttributes {
  return {
    resourceRequest: false,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    resource: '',
    subresource: '',
    namespace: '',
    name: '',
    path,
  };
}

/** The RBAC verb of a resource request: list/watch without a name, deletecollection, etc. */
function resourceVerb(method: string, named: boolean, url: URL): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default: {
      const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
      if (named) return watch ? 'watch' : 'get';
      return watch ? 'watch' : 'list';
    }
  }
}

export function resourceAttributes(method: string, route: ResourceRoute, url: URL): RequestAttributes {
  let name = route.name ?? '';
  // A list or watch narrowed by metadata.name is authorised as that name (resourceNames rules apply).
  if (!name) {
    const field = url.searchParams.get('fieldSelector') ?? '';
    const m = /^metadata\.name==?([^,]+)$/.exec(field);
    if (m && method === 'GET') name = m[1] as string;
  }
  // Requests for a namespace itself carry its name as the namespace, so a RoleBinding inside it applies.
  const namespace = route.key === 'namespaces' && route.name ? route.name : (route.namespace ?? '');
  return {
    resourceRequest: true,
    verb:
      route.subresource === 'exec' || route.subresource === 'portforward'
        ? 'create'
        : resourceVerb(method, Boolean(route.name), url),
    apiGroup: route.type.group,
    apiVersion: route.type.version,
    resource: route.type.plural,
    subresource: route.subresource ?? '',
    namespace,
    name,
    path: url.pathname,
  };
}
