// Settings as main holds them. Every field is checked as it is edited against the contract's own
// SettingsSchema (the one main, the engine and `storedeck settings set` validate with), so each
// message sits next to its field before anything is sent; main's refusal still lands there too.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  SettingsSchema,
  type RequestOf,
  type Result,
  type Settings,
  type StoredeckApi,
} from '../../../../preload/contract';

export type SettingsField = keyof Settings;

export type SettingsState = {
  settings: Settings | null;
  loading: boolean;
  saving: boolean;
  /** An error that names no field (or a load error). */
  error: string | null;
  fieldErrors: Partial<Record<SettingsField, string>>;
  load(): Promise<void>;
  /** Saves unless a field is invalid (then every invalid field gets its message and nothing is sent). */
  save(patch: RequestOf<'updateSettings'>): Promise<Result<Settings>>;
  /** Re-checks the given fields of a patch as the user edits them. */
  check(patch: RequestOf<'updateSettings'>, fields: readonly SettingsField[]): void;
  clearErrors(): void;
};

const FIELDS: readonly SettingsField[] = [
  'baseDomain',
  'storageClass',
  'imageRegistry',
  'concurrency',
  'maxStoresPerContext',
  'noProgressTimeoutMinutes',
  'provisionTimeoutMinutes',
  'verifyCheckout',
  'theme',
  'ingressHttpPort',
];

const PatchSchema = SettingsSchema.partial().strict();

/** Every invalid field of a patch with its message, in plain words (no "field:" prefix). */
function settingsErrors(patch: RequestOf<'updateSettings'>): Partial<Record<SettingsField, string>> {
  const parsed = PatchSchema.safeParse(patch);
  if (parsed.success) return {};
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingsField | undefined;
    if (field && FIELDS.includes(field)) errors[field] ??= issue.message;
  }
  return errors;
}

/** Main's messages read "field: what is wrong"; splits off the field when it is a settings field. */
export function fieldOfError(message: string): { field: SettingsField; message: string } | null {
  const match = /^([A-Za-z]+): (.+)$/s.exec(message);
  const field = match?.[1] as SettingsField | undefined;
  if (!match || !field || !FIELDS.includes(field)) return null;
  return { field, message: match[2] ?? message };
}

export function createSettingsStore(api: StoredeckApi): StoreApi<SettingsState> {
  return createStore<SettingsState>((set, get) => ({
    settings: null,
    loading: false,
    saving: false,
    error: null,
    fieldErrors: {},
    async load() {
      set({ loading: true });
      const result = await api.getSettings({});
      if (result.ok) set({ settings: result.value, loading: false, error: null });
      else set({ loading: false, error: result.error.message });
    },
    async save(patch) {
      const invalid = settingsErrors(patch);
      if (Object.keys(invalid).length > 0) {
        set({ error: null, fieldErrors: invalid });
        const first = Object.entries(invalid)[0];
        return { ok: false, error: { code: 'invalid_request', message: `${first?.[0]}: ${first?.[1]}` } };
      }
      set({ saving: true, error: null, fieldErrors: {} });
      const result = await api.updateSettings(patch);
      if (result.ok) {
        set({ settings: result.value, saving: false });
        return result;
      }
      const named = fieldOfError(result.error.message);
      if (named) set({ saving: false, fieldErrors: { [named.field]: named.message } });
      else set({ saving: false, error: result.error.message });
      return result;
    },
    check(patch, fields) {
      const invalid = settingsErrors(patch);
      const next = { ...get().fieldErrors };
      for (const field of fields) {
        if (invalid[field]) next[field] = invalid[field];
        else delete next[field];
      }
      set({ fieldErrors: next });
    },
    clearErrors() {
      set({ error: null, fieldErrors: {} });
    },
  }));
}
