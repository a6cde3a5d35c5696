// Engine defaults (all overridable in settings): how many stores provision at once, how many a
// context may hold, and how long a create or delete may take before it is reported.
export const ENGINE_DEFAULTS = {
  concurrency: 3,
  maxStoresPerContext: 10,
  provisionTimeoutSeconds: 300,
  deleteTimeoutSeconds: 120,
} as const;

/** Server-side apply field manager: owns every field Storedeck sets. */
export const FIELD_MANAGER = 'storedeck';

/**
 * Managers for the few fields set outside the main apply. Each has its own, so the main apply
 * (which does not list those fields) never removes them and they never conflict with it.
 */
export const SIDE_FIELD_MANAGERS = {
  /** The setup-completed annotation on the Namespace. */
  setup: 'storedeck-setup',
  /** The admin password key of the Secret (a merge patch of just that key). */
  password: 'storedeck-password',
  /** The rollout-restart stamp on a pod template. */
  restart: 'storedeck-restart',
} as const;
