// The evaluator rejects what the published Pod Security Standards reject, one check at a time,
// and accepts a pod that follows every restricted rule.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, evaluatePodSpec, podTemplateOf, type Level } from './pss-evaluator';

/* eslint-disable @typescript-eslint/no-explicit-any */
const restrictedContainer = () => ({
  name: 'app',
  image: 'example/app:1',
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
});
const restrictedPod = (): Record<string, any> => ({
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [restrictedContainer()],
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
});
const failed = (spec: Record<string, any>, level: Level, annotations?: Record<string, string>) =>
  evaluatePodSpec(spec, level, annotations).map((v) => v.check);

/** A restricted pod with one change; the change must fail exactly `check` at `level`. */
const CASES: Array<[check: string, level: Level, mutate: (spec: Record<string, any>) => void]> = [
  ['hostNamespaces', 'baseline', (s) => (s.hostNetwork = true)],
  ['hostNamespaces', 'baseline', (s) => (s.hostPID = true)],
  ['privileged', 'baseline', (s) => (s.containers[0].securityContext.privileged = true)],
  [
    'capabilities_baseline',
    'baseline',
    (s) =>
      (s.initContainers = [
        {
          ...restrictedContainer(),
          name: 'init',
          securityContext: {
            ...restrictedContainer().securityContext,
            capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] },
          },
        },
      ]),
  ],
  ['hostPathVolumes', 'baseline', (s) => s.volumes.push({ name: 'host', hostPath: { path: '/' } })],
  ['hostPorts', 'baseline', (s) => (s.containers[0].ports = [{ containerPort: 80, hostPort: 80 }])],
  ['appArmorProfile', 'baseline', (s) => (s.securityContext.appArmorProfile = { type: 'Unconfined' })],
  ['seLinuxOptions', 'baseline', (s) => (s.containers[0].securityContext.seLinuxOptions = { type: 'spc_t' })],
  ['procMount', 'baseline', (s) => (s.containers[0].securityContext.procMount = 'Unmasked')],
  [
    'seccompProfile_baseline',
    'baseline',
    (s) => (s.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }),
  ],
  ['sysctls', 'baseline', (s) => (s.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }])],
  ['windowsHostProcess', 'baseline', (s) => (s.securityContext.windowsOptions = { hostProcess: true })],
  [
    'hostProbesAndHostLifecycle',
    'baseline',
    (s) => (s.containers[0].livenessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }),
  ],
  [
    'restrictedVolumes',
    'restricted',
    (s) => s.volumes.push({ name: 'nfs', nfs: { server: 'x', path: '/' } }),
  ],
  [
    'allowPrivilegeEscalation',
    'restricted',
    (s) => delete s.containers[0].securityContext.allowPrivilegeEscalation,
  ],
  ['runAsNonRoot', 'restricted', (s) => delete s.securityContext.runAsNonRoot],
  ['runAsNonRoot', 'restricted', (s) => (s.containers[0].securityContext.runAsNonRoot = false)],
  ['runAsUser', 'restricted', (s) => (s.containers[0].securityContext.runAsUser = 0)],
  ['seccompProfile_restricted', 'restricted', (s) => delete s.securityContext.seccompProfile],
  [
    'capabilities_restricted',
    'restricted',
    (s) => (s.containers[0].securityContext.capabilities = { drop: ['NET_RAW'] }),
  ],
  [
    'capabilities_restricted',
    'restricted',
    (s) => (s.containers[0].securityContext.capabilities.add = ['CHOWN']),
  ],
];

describe('Pod Security Standards evaluator', () => {
  it('passes a pod that follows every restricted rule, at both levels', () => {
    expect(evaluatePodSpec(restrictedPod(), 'restricted')).toEqual([]);
    expect(evaluatePodSpec(restrictedPod(), 'baseline')).toEqual([]);
  });

  it.each(CASES)('%s (%s) rejects its violation', (check, level, mutate) => {
    const spec = restrictedPod();
    mutate(spec);
    expect(failed(spec, level)).toEqual([check]);
    // A baseline violation fails restricted too; a restricted-only one passes baseline.
    if (level === 'baseline') expect(failed(spec, 'restricted')).toContain(check);
    else expect(failed(spec, 'baseline')).toEqual([]);
  });

  it('covers every check it has with a case', () => {
    expect(new Set(CASES.map(([check]) => check))).toEqual(new Set(CHECK_IDS.map((c) => c.id)));
  });

  it('accepts what baseline allows but restricted does not: a root pod with default capabilities', () => {
    const spec: Record<string, any> = {
      containers: [
        {
          name: 'web',
          image: 'httpd',
          securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'SETUID', 'SETGID'] } },
        },
      ],
    };
    expect(failed(spec, 'baseline')).toEqual([]);
    expect(failed(spec, 'restricted')).toEqual(
      expect.arrayContaining([
        'allowPrivilegeEscalation',
        'runAsNonRoot',
        'seccompProfile_restricted',
        'capabilities_restricted',
      ]),
    );
  });

  it('accepts a container-level seccomp profile when the pod sets none, and reads AppArmor annotations', () => {
    const spec = restrictedPod();
    delete spec.securityContext.seccompProfile;
    spec.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' };
    expect(failed(spec, 'restricted')).toEqual([]);
    expect(
      failed(spec, 'baseline', { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
    ).toEqual(['appArmorProfile']);
  });

  it('finds the pod template of workloads', () => {
    const spec = restrictedPod();
    expect(podTemplateOf({ kind: 'Deployment', spec: { template: { spec } } })?.spec).toBe(spec);
    expect(podTemplateOf({ kind: 'Pod', spec })?.spec).toBe(spec);
    expect(podTemplateOf({ kind: 'Service', spec: {} })).toBeNull();
  });
});
