// Settings as main holds them; a save shows main's validation error next to the field it names.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RequestOf, Result, Settings, StoredeckApi } from '../../../../preload/contract';

export type SettingsField = keyof Settings;

export type SettingsState = {
  settings: Settings | null;
  loading: boolean;
  saving: boolean;
  /** An error that names no field (or a load error). */
  error: string | null;
  fieldErrors: Partial<Record<SettingsField, string>>;
  load(): Promise<void>;
  save(patch: RequestOf<'updateSettings'>): Promise<Result<Settings>>;
  clearErrors(): void;
};

const FIELDS: readonly SettingsField[] = [
  'baseDomain',
  'storageClass',
  'imageRegistry',
  'concurrency',
  'maxStoresPerContext',
  'provisionTimeoutSeconds',
  'theme',
];

/** Main's messages read "field: what is wrong"; splits off the field when it is a settings field. */
export function fieldOfError(message: string): { field: SettingsField; message: string } | null {
  const match = /^([A-Za-z]+): (.+)$/s.exec(message);
  const field = match?.[1] as SettingsField | undefined;
  if (!match || !field || !FIELDS.includes(field)) return null;
  return { field, message: match[2] ?? message };
}

export function createSettingsStore(api: StoredeckApi): StoreApi<SettingsState> {
  return createStore<SettingsState>((set) => ({
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
    clearErrors() {
      set({ error: null, fieldErrors: {} });
    },
  }));
}
