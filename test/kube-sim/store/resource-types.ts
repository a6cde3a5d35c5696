import type { ResourceKey, ResourceType } from '../types.js';

// Verb lists as the real API server advertises them in discovery.
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function t(
  group: string,
  plural: string,
  singular: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return { group, version: 'v1', plural, singular, kind, namespaced, verbs: ALL, ...extra };
}

/** Every resource type the simulator serves. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  t('', 'namespaces', 'namespace', 'Namespace', false, {
    verbs: NO_COLLECTION,
    shortNames: ['ns'],
    subresources: ['status', 'finalize'],
  }),
  t('', 'secrets', 'secret', 'Secret', true),
  t('', 'configmaps', 'configmap', 'ConfigMap', true, { shortNames: ['cm'] }),
  t('', 'services', 'service', 'Service', true, {
    verbs: NO_COLLECTION,
    shortNames: ['svc'],
    subresources: ['status'],
  }),
  t('', 'persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', true, {
    shortNames: ['pvc'],
    subresources: ['status'],
  }),
  t('', 'pods', 'pod', 'Pod', true, {
    shortNames: ['po'],
    subresources: ['status', 'log', 'exec', 'portforward'],
  }),
  t('', 'resourcequotas', 'resourcequota', 'ResourceQuota', true, {
    shortNames: ['quota'],
    subresources: ['status'],
  }),
  t('', 'limitranges', 'limitrange', 'LimitRange', true, { shortNames: ['limits'] }),
  t('', 'events', 'event', 'Event', true, { shortNames: ['ev'] }),
  t('', 'serviceaccounts', 'serviceaccount', 'ServiceAccount', true, {
    shortNames: ['sa'],
    subresources: ['token'],
  }),
  t('apps', 'deployments', 'deployment', 'Deployment', true, {
    shortNames: ['deploy'],
    subresources: ['status'],
  }),
  t('apps', 'statefulsets', 'statefulset', 'StatefulSet', true, {
    shortNames: ['sts'],
    subresources: ['status'],
  }),
  t('batch', 'jobs', 'job', 'Job', true, { subresources: ['status'] }),
  t('networking.k8s.io', 'ingresses', 'ingress', 'Ingress', true, {
    shortNames: ['ing'],
    subresources: ['status'],
  }),
  t('networking.k8s.io', 'networkpolicies', 'networkpolicy', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
  }),
  t('networking.k8s.io', 'ingressclasses', 'ingressclass', 'IngressClass', false),
  t('storage.k8s.io', 'storageclasses', 'storageclass', 'StorageClass', false, { shortNames: ['sc'] }),
  t('rbac.authorization.k8s.io', 'clusterrolebindings', 'clusterrolebinding', 'ClusterRoleBinding', false),
  t('rbac.authorization.k8s.io', 'clusterroles', 'clusterrole', 'ClusterRole', false),
  t('rbac.authorization.k8s.io', 'rolebindings', 'rolebinding', 'RoleBinding', true),
  t('rbac.authorization.k8s.io', 'roles', 'role', 'Role', true),
  t(
    'admissionregistration.k8s.io',
    'validatingadmissionpolicies',
    'validatingadmissionpolicy',
    'ValidatingAdmissionPolicy',
    false,
    { subresources: ['status'] },
  ),
  t(
    'admissionregistration.k8s.io',
    'validatingadmissionpolicybindings',
    'validatingadmissionpolicybinding',
    'ValidatingAdmissionPolicyBinding',
    false,
  ),
  t('authentication.k8s.io', 'selfsubjectreviews', 'selfsubjectreview', 'SelfSubjectReview', false, {
    verbs: ['create'],
  }),
  t(
    'authorization.k8s.io',
    'selfsubjectaccessreviews',
    'selfsubjectaccessreview',
    'SelfSubjectAccessReview',
    false,
    { verbs: ['create'] },
  ),
];

/** 'pods' for core, 'deployments.apps' for named groups: the key used across the sim. */
export function keyOf(type: Pick<ResourceType, 'group' | 'plural'>): ResourceKey {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** "apps/v1" or "v1": the apiVersion objects of this type carry. */
export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
