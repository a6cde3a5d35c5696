// Name, admin email, plan. Validation is main's: the contract's error value is shown in plain
// words (its "field:" prefix is for programs, not people); cancelling forgets the attempt.
// As the name is typed, the slug and URL it will get are previewed by the engine's own rule.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { PLANS, type Plan } from '../../../../preload/contract';
import { AddressPreview } from './address-preview';
import { FormFooter } from '../../shared/form-footer';
import { useModal } from '../../shared/use-modal';
import { useAppStores } from '../../app-stores-context';

/** "name: Store name is required" → "Store name is required". */
export const plainMessage = (message: string) => message.replace(/^[A-Za-z.]+: /, '');
const NAME_MAX = 40;

export function CreateStoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { stores, view, plans } = useAppStores();
  // The plans the engine has, with their labels (a new plan shows up here by itself).
  const known = useStore(plans, (s) => s.plans);
  const choices =
    known.length > 0
      ? known.map((p) => ({ plan: p.plan, label: p.label }))
      : PLANS.map((plan) => ({ plan, label: plan }));
  const dialog = useModal(open);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    const result = await stores.getState().create({
      name: String(data.get('name') ?? ''),
      adminEmail: String(data.get('adminEmail') ?? ''),
      plan: String(data.get('plan') ?? PLANS[0]) as Plan,
    });
    setBusy(false);
    if (!result.ok) {
      setError(plainMessage(result.error.message));
      return;
    }
    setError(null);
    setName('');
    form.reset();
    onClose();
    // The new store opens at once, so its timeline fills in where the user is looking.
    view.getState().select(result.value.id);
  }

  function cancel() {
    setError(null);
    setName('');
    dialog.current?.querySelector('form')?.reset();
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="create-store-title" onClose={cancel}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="create-store-title">New store</h2>
        <label htmlFor="store-name">Store name</label>
        <input
          id="store-name"
          name="name"
          autoComplete="off"
          maxLength={NAME_MAX}
          aria-describedby="store-address-preview"
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <AddressPreview id="store-address-preview" name={name} open={open} />
        <label htmlFor="store-admin-email">Admin email</label>
        <input id="store-admin-email" name="adminEmail" type="email" autoComplete="email" />
        <label htmlFor="store-plan">Plan</label>
        <select id="store-plan" name="plan" defaultValue={PLANS[0]}>
          {choices.map((c) => (
            <option key={c.plan} value={c.plan}>
              {c.label}
            </option>
          ))}
        </select>
        <FormFooter error={error} onCancel={cancel} submit="Create" busy={busy} busyText="Creating…" />
      </form>
    </dialog>
  );
}
