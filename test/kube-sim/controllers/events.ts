import { StatusError, type KubeObject } from '../types.js';
import { isoSeconds } from './meta.js';
import type { Runtime } from './runtime.js';

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  record(
    obj: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void;
}

/** The apiserver's --event-ttl default: an Event is gone an hour after its last write (etcd lease). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/**
 * core/v1 Events like client-go's recorder: named <object>.<16 hex>, in the object's namespace,
 * and repeated identical events are folded into one whose count and lastTimestamp grow.
 */
export function createEventRecorder(rt: Runtime): EventRecorder {
  const folded = new Map<string, string>();
  const rng = rt.rngFor('events');
  const expiry = new Map<string, { cancel(): void }>();
  // Each write renews the lease, as the apiserver stores events with a TTL refreshed on update.
  const expireLater = (namespace: string, name: string): void => {
    const key = `${namespace}/${name}`;
    expiry.get(key)?.cancel();
    expiry.set(
      key,
      rt.clock.setTimeout(() => {
        expiry.delete(key);
        if (rt.store.get('events', namespace, name)) rt.store.delete('events', namespace, name);
      }, EVENT_TTL_MS),
    );
  };
  const hex16 = (): string => `18${Array.from({ length: 14 }, () => rng.int(16).toString(16)).join('')}`;

  return {
    record(obj, type, reason, message, source, fieldPath) {
      const namespace = obj.metadata.namespace ?? 'default';
      const now = isoSeconds(rt.clock.now());
      const foldKey = [
        obj.metadata.uid,
        type,
        reason,
        message,
        source.component,
        source.host ?? '',
        fieldPath ?? '',
      ].join('\u0000');
      try {
        const existingName = folded.get(foldKey);
        const existing = existingName ? rt.store.get('events', namespace, existingName) : undefined;
        if (existing) {
          rt.store.update('events', {
            ...existing,
            count: Number(existing.count ?? 1) + 1,
            lastTimestamp: now,
          });
          expireLater(namespace, existing.metadata.name);
          return;
        }
        const name = `${obj.metadata.name}.${hex16()}`;
        rt.store.create('events', {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: {
            apiVersion: obj.apiVersion,
            kind: obj.kind,
            name: obj.metadata.name,
            namespace: obj.metadata.namespace,
            uid: obj.metadata.uid,
            resourceVersion: obj.metadata.resourceVersion,
            ...(fieldPath ? { fieldPath } : {}),
          },
          reason,
          message,
          source: source.host
            ? { component: source.component, host: source.host }
            : { component: source.component },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        });
        folded.set(foldKey, name);
        expireLater(namespace, name);
      } catch (err) {
        // Events are best effort, as in client-go: a terminating or vanished namespace drops them.
        if (err instanceof StatusError && (err.code === 403 || err.code === 404 || err.code === 409)) return;
        throw err;
      }
    },
  };
}
