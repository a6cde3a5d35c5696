import { stringify } from 'yaml';

export interface KubeconfigObject {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: { token: string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string; namespace: string } }>;
  'current-context': string;
  preferences: Record<string, never>;
}

/** A kubeconfig with cluster, bearer-token user and context all named `kube-sim`. */
export function buildKubeconfig(
  url: string,
  caCertPem: string,
  token: string,
): { object: KubeconfigObject; yaml: string } {
  const object: KubeconfigObject = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'kube-sim',
        cluster: { server: url, 'certificate-authority-data': Buffer.from(caCertPem).toString('base64') },
      },
    ],
    users: [{ name: 'kube-sim', user: { token } }],
    contexts: [
      { name: 'kube-sim', context: { cluster: 'kube-sim', user: 'kube-sim', namespace: 'default' } },
    ],
    'current-context': 'kube-sim',
    preferences: {},
  };
  return { object, yaml: stringify(object) };
}
