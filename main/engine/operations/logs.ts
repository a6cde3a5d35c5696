// Tail of one container's log, with the pod/container list the picker shows.
import { ok, type ResponseOf, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { logPods, pickLogTarget } from './log-target';

export interface LogRequest {
  /** Pod name or component ('wordpress' | 'mysql' | 'setup'); default wordpress. */
  pod?: string;
  container?: string;
  tailLines: number;
}

export async function readLogs(
  client: KubeClient,
  namespace: string,
  request: LogRequest,
): Promise<Result<ResponseOf<'getLogs'>>> {
  const pods = (await client.list(KINDS.Pod, { namespace })).items;
  const target = pickLogTarget(pods, request.pod, request.container, namespace);
  if (!target.ok) return target;
  const lines = await client.logTail(namespace, target.value.pod, request.tailLines, target.value.container);
  return ok({ ...target.value, lines, pods: logPods(pods) });
}
