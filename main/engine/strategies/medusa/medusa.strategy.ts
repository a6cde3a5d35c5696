// MedusaJS is registered so the plan exists everywhere (contract, UI, CLI), but creation is
// refused up front by the reconciler through unavailableReason; the builders are never reached.
import type { StoreStrategy } from '../strategy';

export const MEDUSA_UNAVAILABLE =
  'MedusaJS stores are not available yet: only WooCommerce can be created today.';

const refuse = (): never => {
  throw new Error(MEDUSA_UNAVAILABLE);
};

export const medusaStrategy: StoreStrategy = {
  plan: 'medusa',
  unavailableReason: MEDUSA_UNAVAILABLE,
  newSecrets: refuse,
  secrets: refuse,
  resources: refuse,
  awaitedDeployments: [],
  setupJob: refuse,
  setupJobName: 'medusa-setup',
  adminCredentials: { user: 'admin', secretName: 'medusa-secrets', passwordKey: 'admin-password' },
  passwordResetJob: refuse,
  appDeployment: 'medusa',
  urls: refuse,
  diagnose: () => null,
};
