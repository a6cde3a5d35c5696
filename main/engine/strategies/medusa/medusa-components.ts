// MedusaJS's running parts, as health, logs and restarts name them. Plain data: the contract
// builds its component lists from it, so it must stay free of Node-only imports.
import type { PlanComponent } from '../plan-component';
import { MEDUSA_COMPONENT, MEDUSA_NAMES } from './medusa-facts';

/** The first is where the Logs tab opens. */
export const MEDUSA_COMPONENTS = [
  {
    name: MEDUSA_COMPONENT.server,
    label: 'Medusa server',
    restartHint: 'the API and the admin; checkout pauses briefly',
    workload: { kind: 'Deployment', name: MEDUSA_NAMES.server },
  },
  {
    name: MEDUSA_COMPONENT.storefront,
    label: 'Storefront',
    restartHint: 'the shop pages; briefly down',
    workload: { kind: 'Deployment', name: MEDUSA_NAMES.storefront },
  },
  {
    name: MEDUSA_COMPONENT.postgres,
    label: 'PostgreSQL',
    restartHint: 'the database; the server reconnects',
    workload: { kind: 'StatefulSet', name: MEDUSA_NAMES.postgres },
  },
  {
    name: MEDUSA_COMPONENT.redis,
    label: 'Redis',
    restartHint: 'events and cache; the server reconnects',
    workload: { kind: 'Deployment', name: MEDUSA_NAMES.redis },
  },
] as const satisfies readonly PlanComponent[];
