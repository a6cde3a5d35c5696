import { LogInstance } from './log-instance.js';
import type { LogScript } from './log-script.js';

type Entry = { containerId: string; inst: LogInstance };

/** Every container instance's log, per pod uid and container name (restarts append instances). */
export class LogBook {
  private readonly pods = new Map<string, Map<string, Entry[]>>();

  start(podUid: string, container: string, script: LogScript, at: number, containerId = ''): LogInstance {
    const byContainer = this.pods.get(podUid) ?? new Map<string, Entry[]>();
    this.pods.set(podUid, byContainer);
    const list = byContainer.get(container) ?? [];
    list.at(-1)?.inst.end(at);
    const inst = new LogInstance(script, at);
    list.push({ containerId, inst });
    // Keep the current and the previous instance, as the kubelet does.
    if (list.length > 2) list.shift();
    byContainer.set(container, list);
    return inst;
  }

  current(podUid: string, container: string): LogInstance | undefined {
    return this.pods.get(podUid)?.get(container)?.at(-1)?.inst;
  }

  /** The instance a container ID names (the kubelet reads --previous by lastState's ID). */
  byContainerId(podUid: string, container: string, containerId: string): LogInstance | undefined {
    if (!containerId) return undefined;
    return this.pods
      .get(podUid)
      ?.get(container)
      ?.find((e) => e.containerId === containerId)?.inst;
  }

  /** The pod is gone: every follower ends. */
  drop(podUid: string, at: number): void {
    for (const list of this.pods.get(podUid)?.values() ?? []) for (const e of list) e.inst.end(at);
    this.pods.delete(podUid);
  }
}
