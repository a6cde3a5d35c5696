// The Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards) as a
// small evaluator for tests: each check follows the published rule and the upstream
// implementation (k8s.io/pod-security-admission/policy, check_*.go), and reports violations in
// the admission plugin's words (reason + detail), so a failing test reads like a refused pod.
// Pods only: a Deployment or Job is judged by its pod template, as the plugin does for warnings.

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are plain JSON here */
import { DEFAULT_CAPABILITIES, RESTRICTED_VOLUME_TYPES, SAFE_SYSCTLS, SELINUX_TYPES } from './pss-tables';

export type Level = 'baseline' | 'restricted';

export interface Violation {
  check: string;
  reason: string;
  detail: string;
}

type Spec = Record<string, any>;
type Container = Record<string, any>;

interface Check {
  id: string;
  level: Level;
  run(spec: Spec, annotations: Record<string, string>): Omit<Violation, 'check'> | null;
}

/** containers, initContainers and ephemeralContainers, as upstream's visitContainers. */
function containersOf(spec: Spec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
}

const names = (cs: Container[]) => cs.map((c) => `"${c.name}"`).join(', ');
const plural = (n: number) => (n === 1 ? 'container' : 'containers');

/** Containers for which pred holds, reported as one violation (or none). */
function containerRule(
  spec: Spec,
  pred: (c: Container) => boolean,
  reason: string,
  detail: (bad: Container[]) => string,
): Omit<Violation, 'check'> | null {
  const bad = containersOf(spec).filter(pred);
  return bad.length > 0 ? { reason, detail: detail(bad) } : null;
}

const seccompType = (sc: any): string | undefined => sc?.seccompProfile?.type;
const probeHosts = (c: Container): string[] =>
  [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle?.postStart, c.lifecycle?.preStop]
    .flatMap((h) => [h?.httpGet?.host, h?.tcpSocket?.host])
    .filter((host): host is string => typeof host === 'string' && host !== '');

const CHECKS: Check[] = [
  {
    id: 'hostNamespaces',
    level: 'baseline',
    run: (spec) => {
      const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => spec[f] === true);
      return set.length > 0
        ? { reason: 'host namespaces', detail: `${set.map((f) => `${f}=true`).join(', ')}` }
        : null;
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    run: (spec) =>
      containerRule(
        spec,
        (c) => c.securityContext?.privileged === true,
        'privileged',
        (bad) => `${plural(bad.length)} ${names(bad)} must not set securityContext.privileged=true`,
      ),
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    run: (spec) =>
      containerRule(
        spec,
        (c) =>
          (c.securityContext?.capabilities?.add ?? []).some((cap: string) => !DEFAULT_CAPABILITIES.has(cap)),
        'non-default capabilities',
        (bad) =>
          `${plural(bad.length)} ${names(bad)} must not include non-default capabilities in securityContext.capabilities.add`,
      ),
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    run: (spec) => {
      const bad = (spec.volumes ?? []).filter((v: any) => v.hostPath);
      return bad.length > 0 ? { reason: 'hostPath volumes', detail: `volumes ${names(bad)}` } : null;
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    run: (spec) =>
      containerRule(
        spec,
        (c) => (c.ports ?? []).some((p: any) => (p.hostPort ?? 0) !== 0),
        'hostPort',
        (bad) => `${plural(bad.length)} ${names(bad)} use hostPort`,
      ),
  },
  {
    id: 'appArmorProfile',
    level: 'baseline',
    run: (spec, annotations) => {
      const allowed = (type?: string) =>
        type === undefined || type === 'RuntimeDefault' || type === 'Localhost';
      const badAnnotations = Object.entries(annotations).filter(
        ([k, v]) =>
          k.startsWith('container.apparmor.security.beta.kubernetes.io/') &&
          v !== 'runtime/default' &&
          !v.startsWith('localhost/'),
      );
      const badPod = !allowed(spec.securityContext?.appArmorProfile?.type);
      const badContainers = containersOf(spec).filter(
        (c) => !allowed(c.securityContext?.appArmorProfile?.type),
      );
      return badAnnotations.length > 0 || badPod || badContainers.length > 0
        ? {
            reason: 'forbidden AppArmor profile',
            detail: 'AppArmor profile must be RuntimeDefault or Localhost',
          }
        : null;
    },
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    run: (spec) => {
      const bad = (o: any) => o && (!SELINUX_TYPES.has(o.type ?? '') || Boolean(o.user) || Boolean(o.role));
      const pod = bad(spec.securityContext?.seLinuxOptions);
      const cs = containersOf(spec).filter((c) => bad(c.securityContext?.seLinuxOptions));
      return pod || cs.length > 0
        ? {
            reason: 'seLinuxOptions',
            detail: 'forbidden securityContext.seLinuxOptions (type, user or role)',
          }
        : null;
    },
  },
  {
    id: 'procMount',
    level: 'baseline',
    run: (spec) =>
      containerRule(
        spec,
        (c) => ![undefined, 'Default'].includes(c.securityContext?.procMount),
        'procMount',
        (bad) => `${plural(bad.length)} ${names(bad)} must not set securityContext.procMount`,
      ),
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    run: (spec) => {
      const pod = seccompType(spec.securityContext) === 'Unconfined';
      const cs = containersOf(spec).filter((c) => seccompType(c.securityContext) === 'Unconfined');
      return pod || cs.length > 0
        ? {
            reason: 'seccompProfile',
            detail: 'must not set securityContext.seccompProfile.type to "Unconfined"',
          }
        : null;
    },
  },
  {
    id: 'sysctls',
    level: 'baseline',
    run: (spec) => {
      const bad = (spec.securityContext?.sysctls ?? []).filter((s: any) => !SAFE_SYSCTLS.has(s.name));
      return bad.length > 0
        ? { reason: 'forbidden sysctls', detail: bad.map((s: any) => s.name).join(', ') }
        : null;
    },
  },
  {
    id: 'windowsHostProcess',
    level: 'baseline',
    run: (spec) => {
      const pod = spec.securityContext?.windowsOptions?.hostProcess === true;
      const cs = containersOf(spec).filter((c) => c.securityContext?.windowsOptions?.hostProcess === true);
      return pod || cs.length > 0
        ? { reason: 'hostProcess', detail: 'must not set hostProcess to true' }
        : null;
    },
  },
  {
    id: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    run: (spec) =>
      containerRule(
        spec,
        (c) => probeHosts(c).length > 0,
        'probe or lifecycle host',
        (bad) => `${plural(bad.length)} ${names(bad)} use probe or lifecycle hosts`,
      ),
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    run: (spec) => {
      const bad = (spec.volumes ?? []).filter(
        (v: any) => !RESTRICTED_VOLUME_TYPES.some((type) => v[type] !== undefined),
      );
      return bad.length > 0
        ? { reason: 'restricted volume types', detail: `volumes ${names(bad)} have restricted types` }
        : null;
    },
  },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    run: (spec) =>
      containerRule(
        spec,
        (c) => c.securityContext?.allowPrivilegeEscalation !== false,
        'allowPrivilegeEscalation != false',
        (bad) =>
          `${plural(bad.length)} ${names(bad)} must set securityContext.allowPrivilegeEscalation=false`,
      ),
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    run: (spec) => {
      const pod = spec.securityContext?.runAsNonRoot;
      if (pod === false)
        return {
          reason: 'runAsNonRoot != true',
          detail: 'pod must not set securityContext.runAsNonRoot=false',
        };
      return containerRule(
        spec,
        (c) =>
          c.securityContext?.runAsNonRoot === false ||
          (c.securityContext?.runAsNonRoot === undefined && pod !== true),
        'runAsNonRoot != true',
        (bad) => `pod or ${plural(bad.length)} ${names(bad)} must set securityContext.runAsNonRoot=true`,
      );
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    run: (spec) => {
      const pod = spec.securityContext?.runAsUser === 0;
      const cs = containersOf(spec).filter((c) => c.securityContext?.runAsUser === 0);
      return pod || cs.length > 0 ? { reason: 'runAsUser=0', detail: 'must not set runAsUser=0' } : null;
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    run: (spec) => {
      const good = (type?: string) => type === 'RuntimeDefault' || type === 'Localhost';
      const pod = seccompType(spec.securityContext);
      if (pod !== undefined && !good(pod))
        return {
          reason: 'seccompProfile',
          detail: `pod must not set securityContext.seccompProfile.type to "${pod}"`,
        };
      return containerRule(
        spec,
        (c) => {
          const own = seccompType(c.securityContext);
          return own !== undefined ? !good(own) : !good(pod);
        },
        'seccompProfile',
        (bad) =>
          `pod or ${plural(bad.length)} ${names(bad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      );
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    run: (spec) =>
      containerRule(
        spec,
        (c) =>
          !(c.securityContext?.capabilities?.drop ?? []).includes('ALL') ||
          (c.securityContext?.capabilities?.add ?? []).some((cap: string) => cap !== 'NET_BIND_SERVICE'),
        'unrestricted capabilities',
        (bad) =>
          `${plural(bad.length)} ${names(bad)} must set securityContext.capabilities.drop=["ALL"] and add at most NET_BIND_SERVICE`,
      ),
  },
];

/** Restricted includes every baseline check. */
const appliesAt = (check: Check, level: Level) => level === 'restricted' || check.level === 'baseline';

/** Violations of a pod spec (with its pod's annotations) at the given level; [] when it passes. */
export function evaluatePodSpec(
  spec: Spec,
  level: Level,
  annotations: Record<string, string> = {},
): Violation[] {
  return CHECKS.filter((check) => appliesAt(check, level)).flatMap((check) => {
    const found = check.run(spec, annotations);
    return found ? [{ check: check.id, ...found }] : [];
  });
}

/** The pod spec of a Pod, or the pod template of a Deployment, Job, StatefulSet, DaemonSet…; null otherwise. */
export function podTemplateOf(
  object: Record<string, any>,
): { spec: Spec; annotations: Record<string, string> } | null {
  if (object.kind === 'Pod')
    return { spec: object.spec ?? {}, annotations: object.metadata?.annotations ?? {} };
  const template = object.spec?.template ?? object.spec?.jobTemplate?.spec?.template;
  return template?.spec ? { spec: template.spec, annotations: template.metadata?.annotations ?? {} } : null;
}

export const CHECK_IDS = CHECKS.map((c) => ({ id: c.id, level: c.level }));
