// The events of a Ready store's namespace, read only while one of its pods is unwell, so a
// Degraded reason can quote the kubelet (a failing probe, a liveness kill) rather than say "not
// ready". Events carry no labels, so the shared watches cannot hold them; instead one list per
// unwell namespace, at most every refreshMs, and the verdict is refined when it arrives. While a
// namespace stays unwell it is read again every refreshMs of its own accord: a pod failing its
// readiness probe changes no more once it is not ready, and a first read taken before the
// kubelet's first Unhealthy event would otherwise be the last.
import type { KubeClient } from '../../kube/client';
import type { ApiObject } from '../../kube/kube-object';
import { KINDS } from '../../kube/kinds';

interface Read {
  at: number;
  items: ApiObject[];
}

export class PodEventReader {
  private readonly reads = new Map<string, Read>();
  private readonly inflight = new Set<string>();
  private readonly rereads = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly clientFor: (context: string) => KubeClient,
    /** Called when a read brings something new to judge. */
    private readonly onRead: () => void,
    private readonly refreshMs = 15_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The namespace's pod events as last read ([] before the first read); reads again when stale. */
  eventsFor(context: string, namespace: string): ApiObject[] {
    const key = `${context}/${namespace}`;
    const read = this.reads.get(key);
    if ((!read || this.now() - read.at >= this.refreshMs) && !this.inflight.has(key))
      this.read(context, namespace, key);
    return read?.items ?? [];
  }

  /** Forgets namespaces no longer unwell, so a later problem is read afresh. */
  keepOnly(keys: Set<string>): void {
    for (const key of this.reads.keys()) if (!keys.has(key)) this.forget(key);
  }

  close(): void {
    for (const key of [...this.reads.keys()]) this.forget(key);
  }

  private forget(key: string): void {
    this.reads.delete(key);
    clearTimeout(this.rereads.get(key));
    this.rereads.delete(key);
  }

  /** Asks for a judgement once this read is stale, which reads again if the namespace is still unwell. */
  private scheduleReread(key: string): void {
    clearTimeout(this.rereads.get(key));
    const timer = setTimeout(() => {
      this.rereads.delete(key);
      if (this.reads.has(key)) this.onRead();
    }, this.refreshMs);
    timer.unref?.();
    this.rereads.set(key, timer);
  }

  private read(context: string, namespace: string, key: string): void {
    let client: KubeClient;
    try {
      client = this.clientFor(context);
    } catch {
      return; // the context probe reports why the context is unusable
    }
    this.inflight.add(key);
    client
      .list(KINDS.Event, { namespace, fieldSelector: 'involvedObject.kind=Pod' })
      .then(
        ({ items }) => {
          const before = this.reads.get(key);
          this.reads.set(key, { at: this.now(), items });
          this.scheduleReread(key);
          if (JSON.stringify(before?.items ?? []) !== JSON.stringify(items)) this.onRead();
        },
        // No verdict changes on a failed read: the judgement after refreshMs tries again.
        () => {
          this.reads.set(key, { at: this.now(), items: this.reads.get(key)?.items ?? [] });
          this.scheduleReread(key);
        },
      )
      .finally(() => this.inflight.delete(key));
  }
}
