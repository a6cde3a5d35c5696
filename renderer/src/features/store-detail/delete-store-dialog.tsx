// Deleting is for good (database, uploads, everything in the namespace), so the user types
// the store's name before the button arms.
import { useState, type FormEvent } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import { FeedbackMessage } from '../../shared/feedback-message';
import { useModal } from '../../shared/use-modal';
import type { StoreActionsState } from '../actions/actions.state';

type Props = { store: Store; actions: StoreApi<StoreActionsState>; open: boolean; onClose: () => void };

export function DeleteStoreDialog({ store, actions, open, onClose }: Props) {
  const dialog = useModal(open);
  const [typed, setTyped] = useState('');
  const busy = useStore(actions, (s) => Boolean(s.pending.delete));
  const feedback = useStore(actions, (s) => s.feedback.delete);
  // The display name or the slug, as a CLI user knows it; surrounding spaces do not count.
  const matches = typed.trim() === store.name.trim() || typed.trim() === store.slug;

  function close() {
    setTyped('');
    onClose();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) return;
    if (await actions.getState().remove()) close();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="delete-title" onClose={close}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="delete-title">Delete {store.name}?</h2>
        <p className="dialog-text">
          This deletes the namespace <code>{store.namespace}</code> and everything in it: the database,
          uploads and the admin account. It cannot be undone.
        </p>
        <label htmlFor="delete-confirm-name">
          Type <strong>{store.name}</strong> (or <code>{store.slug}</code>) to confirm
        </label>
        <input
          id="delete-confirm-name"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <FeedbackMessage feedback={feedback?.kind === 'error' ? feedback : undefined} />
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <BusyButton type="submit" className="danger" busy={busy} busyText="Deleting…" disabled={!matches}>
            Delete store
          </BusyButton>
        </div>
      </form>
    </dialog>
  );
}
