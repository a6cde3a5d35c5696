// Tail of one container's log (current or previous instance, with or without the kubelet's
// timestamps), or of a setup log saved when its job finished, with the lists the picker shows.
import { err, ok, type ResponseOf, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { statusOf, plainMessage } from '../../kube/errors';
import { KINDS } from '../../kube/kinds';
import type { ApiObject } from '../../kube/kube-object';
import { logPods, pickLogTarget, type LogTarget } from './log-target';
import { readSavedLog, type SavedLogs } from './saved-logs';

/** The setup job's log component (what "Open logs" asks for after a failed setup). */
const SETUP_COMPONENT = 'setup';

export interface LogRequest {
  /** Pod name or component (one of the plan's, or 'setup'); default: the plan's first component. */
  pod?: string;
  container?: string;
  tailLines: number;
  previous?: boolean;
  timestamps?: boolean;
  saved?: boolean;
}

/** The API's 400 for --previous without a restart, in words that say what to do. */
export function noPreviousMessage(target: LogTarget): string {
  return `${target.container} in ${target.pod} has not restarted: there is no previous container to read`;
}

export async function readLogs(
  client: KubeClient,
  namespace: string,
  request: LogRequest,
  saved: SavedLogs,
  defaultComponent: string,
): Promise<Result<ResponseOf<'getLogs'>>> {
  let pods: ApiObject[] = [];
  let listError: unknown = null;
  try {
    pods = (await client.list(KINDS.Pod, { namespace })).items;
  } catch (error) {
    // A saved log needs no cluster: it is read even while the cluster is unreachable.
    if (!request.saved) throw error;
    listError = error;
  }
  const kept = saved.list();
  const lists = { pods: logPods(pods), saved: kept };
  const target = pickLogTarget(pods, request.pod, request.container, namespace, defaultComponent);
  // "Open logs" on a failed setup asks for the setup component: once its pod is gone, the saved log answers.
  const fallBack = !target.ok && request.pod === SETUP_COMPONENT && kept.length > 0;
  if (request.saved || fallBack) {
    const read = readSavedLog(saved, request);
    if (!read.ok) return read;
    return ok({ ...read.value, source: 'saved' as const, ...lists, pods: listError ? [] : lists.pods });
  }
  if (!target.ok) return target;
  try {
    const lines = await client.readLog(namespace, target.value.pod, {
      container: target.value.container,
      tailLines: request.tailLines,
      previous: request.previous,
      timestamps: request.timestamps,
    });
    return ok({ ...target.value, lines, source: 'live' as const, ...lists });
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
    const message = request.previous ? noPreviousMessage(target.value) : plainMessage(error);
    return err('invalid_state', message);
  }
}
