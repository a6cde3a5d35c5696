// client-node's typed models rename a few JSON fields (NetworkPolicy ingress `from` is `_from`,
// LimitRange `default` is `_default`), and its generic KubernetesObjectApi serialises every body
// through them: a plain object would lose those fields on the way out, and a response read back
// carries the renamed keys. These two functions convert between the wire shape and the models.
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type { ApiObject } from './kube-object';

/** The generated model name for apiVersion + kind, e.g. apps/v1 Deployment → V1Deployment. */
export function modelType(apiVersion: string, kind: string): string {
  const version = apiVersion.includes('/') ? (apiVersion.split('/')[1] ?? apiVersion) : apiVersion;
  return `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
}

/** Wire JSON → the typed model the client's serializer expects (unknown kinds pass through). */
export function toModel<T extends { apiVersion: string; kind: string }>(obj: T): unknown {
  return ObjectSerializer.deserialize(structuredClone(obj), modelType(obj.apiVersion, obj.kind), '');
}

/** A typed model (or raw JSON) → wire JSON with string timestamps and the real field names. */
export function toWire(value: unknown, apiVersion: string, kind: string): ApiObject {
  const serialized: unknown = ObjectSerializer.serialize(value, modelType(apiVersion, kind), '');
  return JSON.parse(JSON.stringify(serialized)) as ApiObject;
}
