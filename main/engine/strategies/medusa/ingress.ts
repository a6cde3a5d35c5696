// One host per store: the storefront at "/", the Medusa server's own paths (Store API, auth,
// admin API and the admin dashboard at /app) on the same host, so browsers need no CORS and
// the admin URL is simply <store>/app.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { MEDUSA_COMPONENT, MEDUSA_NAMES, MEDUSA_PORTS, SERVER_PATHS } from './medusa-facts';
import { hostIngress } from '../host-ingress';
import { medusaMeta } from './object-meta';

const toServer = (path: string) => ({ path, service: MEDUSA_NAMES.server, port: MEDUSA_PORTS.server });

export function buildMedusaIngress(ctx: StoreContext): KubeObject {
  return hostIngress(ctx, medusaMeta(ctx, MEDUSA_NAMES.ingress, MEDUSA_COMPONENT.storefront), [
    ...SERVER_PATHS.map(toServer),
    { path: '/', service: MEDUSA_NAMES.storefront, port: MEDUSA_PORTS.storefront },
  ]);
}
