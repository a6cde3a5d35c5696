// Which pass errors may mean the cluster is not there at all: no HTTP answer behind them
// (connection refused, no answer, a certificate that no longer matches). unreachable-pass.ts
// asks the cluster itself before concluding anything.
import { classifyError } from '../kube/errors';

/** An error with no HTTP answer behind it: the cluster may be down (the probe decides). */
export const mayBeUnreachable = (error: unknown): boolean => classifyError(error).status === null;
