// Under the name field: the slug, namespace and URL the store will get, computed by the same
// rule the engine uses (preload/store-address.ts) with the context's base domain and ingress port.
import { useEffect, useState } from 'react';
import { previewStoreAddress, type StoreAddressRule } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';

export function AddressPreview({ id, name, open }: { id: string; name: string; open: boolean }) {
  const { api } = useAppStores();
  const [rule, setRule] = useState<StoreAddressRule | null>(null);

  // Asked each time the dialog opens: the base domain or port may have changed in Settings.
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.getStoreAddressRule({}).then((result) => {
      if (live) setRule(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, open]);

  const preview = name.trim() && rule ? previewStoreAddress(name, rule) : null;
  return (
    <p id={id} className="field-hint address-preview" aria-live="polite">
      {!preview ? (
        'The store’s address comes from its name.'
      ) : !preview.ok ? (
        <span className="field-error">{preview.message}</span>
      ) : (
        <>
          Address <output className="address-url">{preview.url ?? 'none yet'}</output> · namespace{' '}
          <code>{preview.namespace}</code>
          {preview.problem && <span className="field-error"> — {preview.problem}</span>}
        </>
      )}
    </p>
  );
}
