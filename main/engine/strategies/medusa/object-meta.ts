// Metadata every object of a MedusaJS store gets: fixed name, the store's namespace and the
// same label keys as every Storedeck object (managed-by, store-id, plan, component…).
import { planLabels } from '../plan-labels';
import { MEDUSA_APP_NAME, PLAN } from './medusa-facts';

export const MEDUSA_LABELS = planLabels(PLAN, MEDUSA_APP_NAME);
const medusa = MEDUSA_LABELS;

export const medusaLabels = medusa.labels;
export const medusaSelector = medusa.selector;
export const medusaMeta = medusa.meta;

/** Least privilege for every container: no escalation, no capabilities, the runtime's seccomp. */
export const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/**
 * A container that exits with an error leaves its log's last lines in its status
 * (lastState.terminated.message): the diagnosis can quote why without reading logs.
 */
export const TAIL_ON_ERROR = 'FallbackToLogsOnError';
