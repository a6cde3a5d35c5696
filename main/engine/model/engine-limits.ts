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
