// Store URLs open in the system browser: through main's openExternal in the app (the window
// itself never navigates away), as a plain new tab in the web UI.
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useAppStores } from '../../app-stores-context';

type StoreLinkProps = { url: string; label: string; children?: ReactNode; className?: string };

export function StoreLink({ url, label, children, className = 'store-link' }: StoreLinkProps) {
  const { api, transport } = useAppStores();
  const [error, setError] = useState<string | null>(null);
  async function open(event: MouseEvent<HTMLAnchorElement>) {
    if (transport !== 'desktop') return;
    event.preventDefault();
    const result = await api.openExternal({ url }); // eng-disable OPEN_EXTERNAL_JS_CHECK the contract method and main checks the URL
    setError(result.ok ? null : result.error.message);
  }
  return (
    <>
      <a
        className={className}
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${label}: ${url}`}
        onClick={(event) => void open(event)}
      >
        {children ?? url}
      </a>
      {error && (
        <span className="feedback-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
