// A button for something slow: disabled with aria-busy and a spinner while it runs.
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type BusyButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  busy: boolean;
  children: ReactNode;
  /** Shown instead of the children while busy, e.g. "Restarting…". */
  busyText?: string;
};

export function BusyButton({ busy, children, busyText, disabled, type, ...rest }: BusyButtonProps) {
  return (
    <button {...rest} type={type ?? 'button'} disabled={busy || disabled} aria-busy={busy}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy && busyText ? busyText : children}
    </button>
  );
}
