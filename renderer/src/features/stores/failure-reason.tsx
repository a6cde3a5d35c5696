// Why a store failed, in plain words, with the step it failed at.
import type { Store } from '../../../../preload/contract';
import { stepLabel } from '../../shared/step-label';

export function FailureReason({ store, large = false }: { store: Store; large?: boolean }) {
  if (store.status !== 'Failed') return null;
  return (
    <div className={large ? 'failure failure-large' : 'failure'} role={large ? 'alert' : undefined}>
      <p className="failure-step">
        Failed at {store.errorStep ? stepLabel(store.errorStep) : 'an unknown step'}
        {store.errorStep && <code className="step-code">{store.errorStep}</code>}
      </p>
      <p className="failure-reason">{store.errorMessage ?? 'No reason was recorded.'}</p>
    </div>
  );
}
