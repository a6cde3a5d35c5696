// Server-side apply field managers: who owns which fields of the objects Storedeck writes.

/** The main apply: owns every field Storedeck sets. */
export const FIELD_MANAGER = 'storedeck';

/**
 * Managers for the few fields set outside the main apply. Each has its own, so the main apply
 * (which does not list those fields) never removes them and they never conflict with it.
 */
export const SIDE_FIELD_MANAGERS = {
  /** The setup-completed annotation on the Namespace. */
  setup: 'storedeck-setup',
  /** The checkout-verified annotation on the Namespace. */
  checkout: 'storedeck-checkout',
  /** The admin password key of the Secret (a merge patch of just that key). */
  password: 'storedeck-password',
  /** The rollout-restart stamp on a pod template. */
  restart: 'storedeck-restart',
} as const;
