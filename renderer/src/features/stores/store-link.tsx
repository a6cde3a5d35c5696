// Store URLs open in the system browser: through main's openExternal in the app (the window
// itself never navigates away), as a plain new tab in the web UI.
import type { MouseEvent } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../stores/app-stores-context';

export function StoreLink({ url, label }: { url: string; label: string }) {
  const { api, appInfo } = useAppStores();
  const desktop = useStore(appInfo, (s) => s.info?.mode === 'desktop');
  function open(event: MouseEvent<HTMLAnchorElement>) {
    if (!desktop) return;
    event.preventDefault();
    void api.openExternal({ url });
  }
  return (
    <a
      className="store-link"
      href={url}
      target="_blank"
      rel="noreferrer"
      aria-label={`${label}: ${url}`}
      onClick={open}
    >
      {url}
    </a>
  );
}
