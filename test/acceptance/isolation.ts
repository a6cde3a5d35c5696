// Cross-store isolation as a shopper's request would meet it: from store A's WordPress pod
// (PHP is in the image), open TCP to store B's MySQL and WordPress Services. With NetworkPolicy
// enforced both must stay closed, while A's own MySQL answers (so a closed port means policy).
import { PassThrough } from 'node:stream';
import { Exec } from '@kubernetes/client-node';
import type { KubeClient } from '../../main/kube/client';

const EXEC_TIMEOUT_MS = 30_000;

async function execIn(
  client: KubeClient,
  namespace: string,
  pod: string,
  command: string[],
): Promise<string> {
  const exec = new Exec(client.kubeConfig);
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`exec in ${pod} gave no answer in 30 s`)),
      EXEC_TIMEOUT_MS,
    );
    exec
      .exec(namespace, pod, 'wordpress', command, out, out, null, false, (status) => {
        clearTimeout(timer);
        if (status.status === 'Success') resolve(text.trim());
        else reject(new Error(`exec in ${pod} failed: ${status.message ?? text}`));
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      });
  });
}

/** "open" or "closed: <why>" for a TCP connect from the pod, 3 s at most. */
export function probe(
  client: KubeClient,
  namespace: string,
  pod: string,
  host: string,
  port: number,
): Promise<string> {
  const php = `$s=@fsockopen("${host}",${port},$e,$m,3);echo $s?"open":"closed: $m";`;
  return execIn(client, namespace, pod, ['php', '-r', php]);
}

export interface IsolationResult {
  ownMysql: string;
  otherMysql: string;
  otherWordpress: string;
}

export async function checkIsolation(
  client: KubeClient,
  from: { namespace: string; pod: string },
  otherNamespace: string,
): Promise<IsolationResult> {
  const svc = (name: string, ns: string): string => `${name}.${ns}.svc.cluster.local`;
  return {
    ownMysql: await probe(client, from.namespace, from.pod, 'mysql', 3306),
    otherMysql: await probe(client, from.namespace, from.pod, svc('mysql', otherNamespace), 3306),
    otherWordpress: await probe(client, from.namespace, from.pod, svc('wordpress', otherNamespace), 80),
  };
}
