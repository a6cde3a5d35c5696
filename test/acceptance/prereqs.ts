// Can this machine run the real-cluster journey? With --context the cluster exists already and
// only needs to answer; otherwise Kind needs Docker running and a kind binary (on PATH, or
// Storedeck's own checksummed copy in the data dir's bin/). The answer is one line.
import { checkDocker, checkKind, type ToolCheck } from '../../main/kube/kind/detect-tools';

export interface SkipDecision {
  skip: boolean;
  /** One line: what is missing and why that means a skip. */
  line: string;
  docker: ToolCheck | null;
  kind: ToolCheck | null;
}

export async function decideSkip(options: {
  context: string | null;
  binDir: string;
  /** The run may fetch kind itself (--download-kind), so a missing kind is no reason to skip. */
  mayDownloadKind: boolean;
}): Promise<SkipDecision> {
  if (options.context)
    return {
      skip: false,
      line: `using the existing cluster context ${options.context}`,
      docker: null,
      kind: null,
    };
  const docker = await checkDocker();
  if (docker.state !== 'ok')
    return {
      skip: true,
      line: `SKIPPED real-cluster acceptance: ${docker.detail} — Kind runs its nodes as Docker containers, so there is no cluster to test on (${docker.fix ?? 'start Docker'}; or pass --context C for an existing cluster)`,
      docker,
      kind: null,
    };
  const kind = await checkKind({ binDir: options.binDir });
  if (kind.state !== 'ok' && !(kind.state === 'missing' && options.mayDownloadKind))
    return {
      skip: true,
      line: `SKIPPED real-cluster acceptance: ${kind.detail} — the journey creates a Kind cluster (${kind.fix ?? 'install kind'}; or run with --download-kind, or pass --context C)`,
      docker,
      kind,
    };
  return { skip: false, line: `${docker.detail}; ${kind.detail}`, docker, kind };
}
