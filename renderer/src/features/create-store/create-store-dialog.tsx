// Name, admin email, plan. Validation is main's: the contract's error value is shown as it comes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Plan } from '../../../../preload/contract';
import { useAppStores } from '../../stores/app-stores-context';

export function CreateStoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { stores } = useAppStores();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    const result = await stores.getState().create({
      name: String(data.get('name') ?? ''),
      adminEmail: String(data.get('adminEmail') ?? ''),
      plan: String(data.get('plan') ?? 'woocommerce') as Plan,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    form.reset();
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="create-store-title" onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="create-store-title">New store</h2>
        <label htmlFor="store-name">Store name</label>
        <input id="store-name" name="name" autoComplete="off" />
        <label htmlFor="store-admin-email">Admin email</label>
        <input id="store-admin-email" name="adminEmail" type="email" autoComplete="email" />
        <label htmlFor="store-plan">Plan</label>
        <select id="store-plan" name="plan" defaultValue="woocommerce">
          <option value="woocommerce">WooCommerce</option>
          <option value="medusa" disabled>
            MedusaJS (coming later)
          </option>
        </select>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
