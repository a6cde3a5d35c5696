// The ingress controller Storedeck installs into a Kind cluster it made: Traefik v3 (pinned),
// written here rather than fetched or rendered by Helm at run time. The RBAC is what the
// upstream chart grants Traefik ≥ 3.1 with only the Kubernetes Ingress provider on
// (traefik-helm-chart templates/rbac/clusterrole.yaml). hostPorts 80/443 on the node labelled
// ingress-ready=true are where Kind's extraPortMappings arrive. charts/kind/traefik.yaml is
// this module's output, kept equal by a test, for `kubectl apply -f` by hand.
import type { KubeObject } from '../kube-object';
import { INGRESS_READY_LABEL } from './kind-config';

export const TRAEFIK = {
  image: 'traefik:v3.6.0',
  namespace: 'traefik',
  name: 'traefik',
  clusterRole: 'storedeck-traefik',
  ingressClass: 'traefik',
  controller: 'traefik.io/ingress-controller',
  /** Traefik listens unprivileged inside the pod; the node's 80/443 map onto these. */
  webPort: 8000,
  websecurePort: 8443,
  pingPort: 8080,
} as const;

const labels = {
  'app.kubernetes.io/name': 'traefik',
  'app.kubernetes.io/instance': `traefik-${TRAEFIK.namespace}`,
  'app.kubernetes.io/managed-by': 'storedeck',
};
const selector = {
  'app.kubernetes.io/name': labels['app.kubernetes.io/name'],
  'app.kubernetes.io/instance': labels['app.kubernetes.io/instance'],
};
const read = ['get', 'list', 'watch'];

function deployment(): KubeObject {
  const ping = { httpGet: { path: '/ping', port: 'traefik', scheme: 'HTTP' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: TRAEFIK.name, namespace: TRAEFIK.namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      // hostPorts allow one pod per node: the old pod must go before the new one can bind.
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: TRAEFIK.name,
          terminationGracePeriodSeconds: 30,
          nodeSelector: { [INGRESS_READY_LABEL.key]: INGRESS_READY_LABEL.value },
          // With workers, kind taints the control plane; the ingress must still run there.
          tolerations: [
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
          ],
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 65532,
            runAsGroup: 65532,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'traefik',
              image: TRAEFIK.image,
              imagePullPolicy: 'IfNotPresent',
              args: [
                `--entryPoints.web.address=:${TRAEFIK.webPort}/tcp`,
                `--entryPoints.websecure.address=:${TRAEFIK.websecurePort}/tcp`,
                `--entryPoints.traefik.address=:${TRAEFIK.pingPort}/tcp`,
                '--ping=true',
                '--providers.kubernetesingress=true',
                `--providers.kubernetesingress.ingressClass=${TRAEFIK.ingressClass}`,
                '--log.level=INFO',
              ],
              ports: [
                { name: 'web', containerPort: TRAEFIK.webPort, hostPort: 80, protocol: 'TCP' },
                { name: 'websecure', containerPort: TRAEFIK.websecurePort, hostPort: 443, protocol: 'TCP' },
                { name: 'traefik', containerPort: TRAEFIK.pingPort, protocol: 'TCP' },
              ],
              readinessProbe: { ...ping, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 2 },
              livenessProbe: { ...ping, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2 },
              resources: {
                requests: { cpu: '100m', memory: '64Mi' },
                limits: { memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

/** Every object, in apply order (namespace and identity before what uses them). */
export function traefikManifests(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: TRAEFIK.namespace, labels } },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: TRAEFIK.name, namespace: TRAEFIK.namespace, labels },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: TRAEFIK.clusterRole, labels },
      rules: [
        { apiGroups: [''], resources: ['nodes', 'services'], verbs: read },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
        { apiGroups: [''], resources: ['secrets'], verbs: read },
        { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses', 'ingresses'], verbs: read },
        { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: TRAEFIK.clusterRole, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: TRAEFIK.clusterRole },
      subjects: [{ kind: 'ServiceAccount', name: TRAEFIK.name, namespace: TRAEFIK.namespace }],
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: TRAEFIK.ingressClass,
        labels,
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: TRAEFIK.controller },
    },
    deployment(),
  ];
}
