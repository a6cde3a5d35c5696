import { StatusError } from '../../types.js';
import type { RequestAttributes } from './request-attributes.js';
import type { UserInfo } from './user.js';

/** responsewriters.forbiddenMessage: who cannot do what, where. */
function forbiddenMessage(user: UserInfo, a: RequestAttributes): string {
  const who = `User "${user.username}"`;
  if (!a.resourceRequest) return `${who} cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `${who} cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
}

/** apierrors.NewForbidden over a GroupResource: `<resource>[.<group>] ["name"] is forbidden: …`. */
export function forbiddenFor(group: string, resource: string, name: string, detail: string): StatusError {
  const qualified = resource ? (group ? `${resource}.${group}` : resource) : '';
  const message = !qualified
    ? `forbidden: ${detail}`
    : name
      ? `${qualified} "${name}" is forbidden: ${detail}`
      : `${qualified} is forbidden: ${detail}`;
  return new StatusError(403, 'Forbidden', message, {
    name: name || undefined,
    group: group || undefined,
    kind: resource || undefined,
  });
}

/** The 403 the apiserver's authorization filter answers (responsewriters.Forbidden). */
export function authorizationForbidden(user: UserInfo, a: RequestAttributes, reason: string): StatusError {
  const msg = forbiddenMessage(user, a);
  return forbiddenFor(a.apiGroup, a.resource, a.name, reason ? `${msg}: ${reason}` : msg);
}
