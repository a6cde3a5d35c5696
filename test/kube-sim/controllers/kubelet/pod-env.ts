import type { KubeObject, ObjectStore } from '../../types.js';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}
interface EnvFrom {
  prefix?: string;
  secretRef?: { name: string; optional?: boolean };
  configMapRef?: { name: string; optional?: boolean };
}
export interface ContainerSpec {
  name: string;
  image: string;
  imagePullPolicy?: string;
  env?: EnvVar[];
  envFrom?: EnvFrom[];
  command?: string[];
  args?: string[];
  readinessProbe?: unknown;
  securityContext?: { runAsUser?: number };
  terminationMessagePolicy?: string;
}

const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

function secretData(store: ObjectStore, ns: string, name: string): Record<string, string> | undefined {
  const s = store.get('secrets', ns, name);
  return s
    ? Object.fromEntries(
        Object.entries((s.data ?? {}) as Record<string, string>).map(([k, v]) => [k, decode(v)]),
      )
    : undefined;
}

const configMapData = (store: ObjectStore, ns: string, name: string): Record<string, string> | undefined =>
  store.get('configmaps', ns, name)?.data as Record<string, string> | undefined;

/** The error the kubelet reports as CreateContainerConfigError, if a referenced Secret/ConfigMap (key) is missing. */
export function envConfigError(store: ObjectStore, pod: KubeObject, c: ContainerSpec): string | undefined {
  const ns = pod.metadata.namespace as string;
  for (const from of c.envFrom ?? []) {
    if (from.secretRef && !from.secretRef.optional && !store.get('secrets', ns, from.secretRef.name))
      return `secret "${from.secretRef.name}" not found`;
    if (
      from.configMapRef &&
      !from.configMapRef.optional &&
      !store.get('configmaps', ns, from.configMapRef.name)
    )
      return `configmap "${from.configMapRef.name}" not found`;
  }
  for (const e of c.env ?? []) {
    const s = e.valueFrom?.secretKeyRef;
    if (s && !s.optional) {
      const data = secretData(store, ns, s.name);
      if (!data) return `secret "${s.name}" not found`;
      if (!(s.key in data)) return `couldn't find key ${s.key} in Secret ${ns}/${s.name}`;
    }
    const m = e.valueFrom?.configMapKeyRef;
    if (m && !m.optional) {
      const data = configMapData(store, ns, m.name);
      if (!data) return `configmap "${m.name}" not found`;
      if (!(m.key in data)) return `couldn't find key ${m.key} in ConfigMap ${ns}/${m.name}`;
    }
  }
  return undefined;
}

/** Kubernetes' $(VAR) expansion in env values, command and args ($$ escapes). */
export const expandRefs = (text: string, env: Record<string, string>): string =>
  text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name?: string) =>
    m === '$$' ? '$' : name !== undefined && name in env ? (env[name] as string) : m,
  );

/** The environment a process in the container sees. */
export function resolveEnv(
  store: ObjectStore,
  pod: KubeObject,
  c: ContainerSpec,
  podIP: string,
): Record<string, string> {
  const ns = pod.metadata.namespace as string;
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata.name,
    HOME: c.securityContext?.runAsUser || pod.spec?.securityContext?.runAsUser ? '/' : '/root',
    KUBERNETES_SERVICE_HOST: '10.43.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  for (const from of c.envFrom ?? []) {
    const data = from.secretRef
      ? secretData(store, ns, from.secretRef.name)
      : from.configMapRef
        ? configMapData(store, ns, from.configMapRef.name)
        : undefined;
    for (const [k, v] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of c.env ?? []) {
    const vf = e.valueFrom;
    if (vf?.secretKeyRef) {
      const v = secretData(store, ns, vf.secretKeyRef.name)?.[vf.secretKeyRef.key];
      if (v !== undefined) env[e.name] = v;
    } else if (vf?.configMapKeyRef) {
      const v = configMapData(store, ns, vf.configMapKeyRef.name)?.[vf.configMapKeyRef.key];
      if (v !== undefined) env[e.name] = v;
    } else if (vf?.fieldRef) {
      const fields: Record<string, string> = {
        'metadata.name': pod.metadata.name,
        'metadata.namespace': ns,
        'spec.nodeName': String(pod.spec?.nodeName ?? ''),
        'status.podIP': podIP,
        'metadata.uid': String(pod.metadata.uid),
      };
      env[e.name] = fields[vf.fieldRef.fieldPath] ?? '';
    } else env[e.name] = expandRefs(e.value ?? '', env);
  }
  return env;
}

/** uid the container's processes run as: container, then pod security context, else the image default. */
export function runAsUser(pod: KubeObject, c: ContainerSpec, imageDefault: number): number {
  return c.securityContext?.runAsUser ?? pod.spec?.securityContext?.runAsUser ?? imageDefault;
}

/** A secret/configMap volume whose source is missing: the FailedMount message, else undefined. */
export function volumeMountError(store: ObjectStore, pod: KubeObject): string | undefined {
  const ns = pod.metadata.namespace as string;
  type Vol = {
    name: string;
    secret?: { secretName: string; optional?: boolean };
    configMap?: { name: string; optional?: boolean };
  };
  for (const v of (pod.spec?.volumes ?? []) as Vol[]) {
    if (v.secret && !v.secret.optional && !store.get('secrets', ns, v.secret.secretName))
      return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found`;
    if (v.configMap && !v.configMap.optional && !store.get('configmaps', ns, v.configMap.name))
      return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`;
  }
  return undefined;
}
