import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a request is from, as the apiserver's authenticators report it (user.Info). */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The group the apiserver lets past authorization and escalation checks (user.SystemPrivilegedGroup). */
export const PRIVILEGED_GROUP = 'system:masters';

/** The kubeconfig's user, like k3s's admin kubeconfig (system:admin in system:masters). */
export const ADMIN_USER: UserInfo = {
  username: 'system:admin',
  groups: [PRIVILEGED_GROUP, 'system:authenticated'],
};

export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** user.Info of a ServiceAccount token, with the groups the serviceaccount authenticator adds. */
export function serviceAccountUser(namespace: string, name: string, uid: string, jti: string): UserInfo {
  return {
    username: serviceAccountUsername(namespace, name),
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
    extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${jti}`] },
  };
}

/**
 * The user of the request being served. Store writes made while serving a request see it (RBAC
 * escalation checks and ValidatingAdmissionPolicy run inside the store's admission); controller
 * writes run outside any request and see none, as in-cluster controllers are trusted.
 */
export const requestUser = new AsyncLocalStorage<UserInfo>();
