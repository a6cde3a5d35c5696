// Every migration, in order. Append only: a released migration is never edited or renumbered.
import { initial } from './001-initial';
import { desiredState } from './002-desired-state';
import { workerLease } from './003-worker-lease';
import { interruptedSteps } from './004-interrupted-steps';
import { savedLogs } from './005-saved-logs';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  desiredState,
  workerLease,
  interruptedSteps,
  savedLogs,
];
export type { Migration } from './migration';
