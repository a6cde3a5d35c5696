import { stringify } from 'yaml';

type ClientCertUser = { 'client-certificate-data': string; 'client-key-data': string };

/** The kubeconfig as an object; its user is a bearer token unless built for a client certificate. */
export interface KubeconfigObject<User = { token: string }> {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: User }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string; namespace: string } }>;
  'current-context': string;
  preferences: Record<string, never>;
}

const b64 = (pem: string): string => Buffer.from(pem).toString('base64');

/**
 * A kubeconfig with cluster, user and context all named `kube-sim`: the user is a bearer token,
 * or a client certificate and key (mTLS) as Kind and k3s write their admin kubeconfigs.
 */
export function buildKubeconfig(
  url: string,
  caCertPem: string,
  credential: string,
): { object: KubeconfigObject; yaml: string };
export function buildKubeconfig(
  url: string,
  caCertPem: string,
  credential: { cert: string; key: string },
): { object: KubeconfigObject<ClientCertUser>; yaml: string };
export function buildKubeconfig(
  url: string,
  caCertPem: string,
  credential: string | { cert: string; key: string },
): { object: KubeconfigObject<{ token: string } | ClientCertUser>; yaml: string } {
  const user =
    typeof credential === 'string'
      ? { token: credential }
      : { 'client-certificate-data': b64(credential.cert), 'client-key-data': b64(credential.key) };
  const object: KubeconfigObject<{ token: string } | ClientCertUser> = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'kube-sim',
        cluster: { server: url, 'certificate-authority-data': Buffer.from(caCertPem).toString('base64') },
      },
    ],
    users: [{ name: 'kube-sim', user }],
    contexts: [
      { name: 'kube-sim', context: { cluster: 'kube-sim', user: 'kube-sim', namespace: 'default' } },
    ],
    'current-context': 'kube-sim',
    preferences: {},
  };
  return { object, yaml: stringify(object) };
}
