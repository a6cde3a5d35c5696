// Settings as main keeps them. Each field is checked as it is edited with the contract's own
// schema and its message shown under it; Save sends nothing while one is invalid; Cancel (or Esc)
// puts every field back to the saved value.
import { useEffect, useRef, type FocusEvent, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { RequestOf, Settings } from '../../../../preload/contract';
import { FormFooter } from '../../shared/form-footer';
import { useModal } from '../../shared/use-modal';
import { useAppStores } from '../../app-stores-context';
import { SettingsField } from './settings-field';
import type { SettingsField as FieldName } from './settings.state';

const text = (data: FormData, key: string): string | null => {
  const value = String(data.get(key) ?? '').trim();
  return value === '' ? null : value;
};
// An empty or non-numeric box is sent as it is, so main's validation names it.
const number = (data: FormData, key: string): number => Number(String(data.get(key) ?? '').trim() || NaN);

function patchOf(data: FormData): RequestOf<'updateSettings'> {
  return {
    baseDomain: text(data, 'baseDomain'),
    storageClass: text(data, 'storageClass'),
    imageRegistry: text(data, 'imageRegistry'),
    concurrency: number(data, 'concurrency'),
    maxStoresPerContext: number(data, 'maxStoresPerContext'),
    noProgressTimeoutMinutes: number(data, 'noProgressTimeoutMinutes'),
    provisionTimeoutMinutes: number(data, 'provisionTimeoutMinutes'),
    theme: String(data.get('theme') ?? 'system') as Settings['theme'],
    verifyCheckout: data.get('verifyCheckout') === 'on',
    // Empty means "port 80"; anything else is validated by main.
    ingressHttpPort: text(data, 'ingressHttpPort') === null ? null : number(data, 'ingressHttpPort'),
  };
}

/** The cluster's optional names: empty means the cluster's own default. */
const TEXT_FIELDS: ReadonlyArray<{
  name: 'baseDomain' | 'storageClass' | 'imageRegistry';
  label: string;
  hint: string;
}> = [
  {
    name: 'baseDomain',
    label: 'Base domain',
    hint: 'Hosts are <slug>.<base domain>; empty: <slug>.localhost on local clusters.',
  },
  { name: 'storageClass', label: 'Storage class', hint: "Empty uses the cluster's default StorageClass." },
  {
    name: 'imageRegistry',
    label: 'Image registry',
    hint: 'A mirror for the store images; empty pulls from Docker Hub.',
  },
];

/** The whole-number limits, each a short box beside its label. */
const LIMIT_FIELDS: ReadonlyArray<{
  name: 'concurrency' | 'maxStoresPerContext' | 'noProgressTimeoutMinutes' | 'provisionTimeoutMinutes';
  label: string;
}> = [
  { name: 'concurrency', label: 'Provisions at once' },
  { name: 'maxStoresPerContext', label: 'Max stores per context' },
  { name: 'noProgressTimeoutMinutes', label: 'Timeout without progress (minutes)' },
  { name: 'provisionTimeoutMinutes', label: 'Overall provisioning limit (minutes)' },
];

export function SettingsDialog() {
  const { settings: store, theme, view } = useAppStores();
  const open = useStore(view, (s) => s.settingsOpen);
  const settings = useStore(store, (s) => s.settings);
  const saving = useStore(store, (s) => s.saving);
  const loading = useStore(store, (s) => s.loading);
  const error = useStore(store, (s) => s.error);
  const fieldErrors = useStore(store, (s) => s.fieldErrors);
  const dialog = useModal(open);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!open) return;
    store.getState().clearErrors();
    void store.getState().load();
  }, [open, store]);

  const close = () => view.getState().setSettingsOpen(false);
  // Edits not saved are dropped: the next open shows the settings as they are.
  const cancel = () => {
    form.current?.reset();
    store.getState().clearErrors();
    close();
  };
  // A field is checked when the user leaves it, and again on each edit once it was wrong.
  const checkField = (target: EventTarget, always: boolean) => {
    const name = (target as HTMLInputElement).name as FieldName | '';
    if (!name || !form.current) return;
    if (!always && !store.getState().fieldErrors[name]) return;
    store.getState().check(patchOf(new FormData(form.current)), [name]);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await store.getState().save(patchOf(new FormData(event.currentTarget)));
    if (!result.ok) return;
    theme.getState().adopt(result.value.theme);
    close();
  }

  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby="settings-title" onClose={cancel}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => void submit(e)}
        onBlur={(e: FocusEvent<HTMLFormElement>) => checkField(e.target, true)}
        onInput={(e) => checkField(e.target, false)}
        key={settings ? JSON.stringify(settings) : 'loading'}
      >
        <h2 id="settings-title">Settings</h2>
        {loading && !settings && <p className="muted">Loading settings…</p>}
        <fieldset className="fieldset" disabled={!settings}>
          <legend>Cluster</legend>
          {TEXT_FIELDS.map(({ name, label, hint }) => (
            <SettingsField
              key={name}
              name={name}
              label={label}
              hint={hint}
              defaultValue={settings?.[name] ?? ''}
              error={fieldErrors[name]}
              autoComplete="off"
            />
          ))}
          <SettingsField
            name="ingressHttpPort"
            label="Ingress HTTP port"
            hint="Host port the ingress answers on (k3d -p 8080:80, a busy port 80); empty: 80. Clusters Storedeck made know their own."
            type="number"
            inputMode="numeric"
            defaultValue={settings?.ingressHttpPort ?? ''}
            error={fieldErrors.ingressHttpPort}
            autoComplete="off"
          />
        </fieldset>
        <fieldset className="fieldset" disabled={!settings}>
          <legend>Limits</legend>
          {LIMIT_FIELDS.map(({ name, label }) => (
            <SettingsField
              key={name}
              name={name}
              inline
              label={label}
              type="number"
              inputMode="numeric"
              defaultValue={settings?.[name]}
              error={fieldErrors[name]}
            />
          ))}
        </fieldset>
        <div className="field-row field-row-loose field-check">
          <input
            id="settings-verify-checkout"
            name="verifyCheckout"
            type="checkbox"
            defaultChecked={settings?.verifyCheckout ?? true}
            disabled={!settings}
          />
          <label htmlFor="settings-verify-checkout">
            Verify checkout before Ready (a test order is placed and removed)
          </label>
        </div>
        <div className="field-row field-row-loose">
          <label htmlFor="settings-theme">Theme</label>
          <select
            id="settings-theme"
            name="theme"
            defaultValue={settings?.theme ?? 'system'}
            disabled={!settings}
          >
            <option value="system">System</option>
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
        </div>
        <FormFooter
          error={error}
          onCancel={cancel}
          submit="Save"
          busy={saving}
          busyText="Saving…"
          disabled={!settings}
        />
      </form>
    </dialog>
  );
}
