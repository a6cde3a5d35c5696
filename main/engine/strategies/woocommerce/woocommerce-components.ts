// WooCommerce's running parts, as health, logs and restarts name them. Plain data: the contract
// builds its component lists from it, so it must stay free of Node-only imports.
import type { PlanComponent } from '../plan-component';
import { COMPONENT, OBJECT_NAMES } from './woocommerce-facts';

/** The first is where the Logs tab opens. */
export const WOOCOMMERCE_COMPONENTS = [
  {
    name: COMPONENT.wordpress,
    label: 'WordPress',
    restartHint: 'the web server; the shop is briefly down',
    workload: { kind: 'Deployment', name: OBJECT_NAMES.wordpress },
  },
  {
    name: COMPONENT.mysql,
    label: 'MySQL',
    restartHint: 'the database; WordPress reconnects',
    workload: { kind: 'Deployment', name: OBJECT_NAMES.mysql },
  },
] as const satisfies readonly PlanComponent[];
