// The end of every dialog form: the form's error (announced), then Cancel and the busy-aware
// submit button, in the same order and classes everywhere.
import { BusyButton } from './busy-button';

export function FormFooter(props: {
  error: string | null | undefined;
  onCancel: () => void;
  submit: string;
  busy: boolean;
  busyText: string;
  disabled?: boolean;
}) {
  return (
    <>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <BusyButton
          type="submit"
          className="primary"
          busy={props.busy}
          busyText={props.busyText}
          disabled={props.disabled}
        >
          {props.submit}
        </BusyButton>
      </div>
    </>
  );
}
