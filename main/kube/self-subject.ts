// Who the cluster says we are (SelfSubjectReview, authentication.k8s.io/v1, GA since 1.28), as an
// RBAC subject: a ServiceAccount token is the ServiceAccount, anything else (certificate, OIDC,
// static token) is a User. Asked once per client.
import { AuthenticationV1Api } from '@kubernetes/client-node';
import type { KubeClient } from './client';

export interface RbacSubject {
  kind: 'User' | 'ServiceAccount';
  name: string;
  namespace?: string;
  apiGroup?: string;
}

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;

function subjectOf(username: string): RbacSubject {
  const sa = SERVICE_ACCOUNT.exec(username);
  if (sa) return { kind: 'ServiceAccount', name: sa[2] as string, namespace: sa[1] as string };
  return { kind: 'User', name: username, apiGroup: 'rbac.authorization.k8s.io' };
}

const asked = new WeakMap<KubeClient, Promise<RbacSubject>>();

export function selfSubject(client: KubeClient, signal?: AbortSignal): Promise<RbacSubject> {
  const known = asked.get(client);
  if (known) return known;
  const api = client.kubeConfig.makeApiClient(AuthenticationV1Api);
  const question = client
    .call(
      () =>
        api.createSelfSubjectReview({
          body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
        }),
      signal,
    )
    .then((review) => {
      const username = review.status?.userInfo?.username;
      if (!username)
        throw new Error('the cluster did not say who this user is (SelfSubjectReview has no username)');
      return subjectOf(username);
    });
  asked.set(client, question);
  // A failed question is asked again next time rather than remembered.
  question.catch(() => asked.delete(client));
  return question;
}
