import type { StepId } from '../../preload/contract';

// A failure the user must see: which step, and why in plain words. Anything else thrown inside a
// pass is either a transient API error (retried) or an abort (deleted or stopping).

export class StepFailure extends Error {
  constructor(
    readonly step: StepId,
    message: string,
    /** Short machine-friendly cause (ImagePullBackOff, QuotaExceeded, Timeout, ...). */
    readonly reason: string = 'Failed',
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}
