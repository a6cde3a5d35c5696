// One-click admin login for a MedusaJS store: leaves a ticket for a fresh token in the running
// server container (one exec, the ticket's content on stdin) and answers with the link of our
// template's /auth/storedeck-login route, the token in the URL fragment (never sent to a server,
// so in no request line or HTTP log). The route signs the admin in and redirects to /app.
import { err, ok, type Result } from '../../../../preload/contract';
import type { KubeClient } from '../../../kube/client';
import { execInPod } from '../../../kube/pod-exec';
import { appPod } from '../../app-node';
import { newLoginTicket } from '../login-ticket';
import type { AdminLogin, AdminLoginTarget } from '../strategy';
import { MEDUSA_NAMES } from './medusa-facts';

/** The server container's /tmp is an emptyDir: tickets never reach the app volume. */
export const MEDUSA_LOGIN_DIR = '/tmp/storedeck-login';
export const MEDUSA_LOGIN_PATH = '/auth/storedeck-login';
const SERVER_CONTAINER = 'server';

/** The exec'd script: the ticket arrives on stdin, so nothing in the command line is secret. */
export function medusaTicketScript(fileName: string, dir = MEDUSA_LOGIN_DIR): string {
  if (!/^[0-9a-f]{64}\.json$/.test(fileName)) throw new Error('unexpected ticket name');
  return [
    'set -e',
    `mkdir -p ${dir}`,
    `chmod 0700 ${dir}`,
    `cat > ${dir}/${fileName}.new`,
    // The route claims tickets by rename: a ticket appears whole or not at all.
    `mv ${dir}/${fileName}.new ${dir}/${fileName}`,
  ].join('\n');
}

export function medusaLoginUrl(storeUrl: string, token: string): string {
  const url = new URL(MEDUSA_LOGIN_PATH, storeUrl);
  url.hash = new URLSearchParams({ token }).toString();
  return url.toString();
}

export async function createMedusaAdminLogin(
  client: KubeClient,
  store: AdminLoginTarget,
  signal?: AbortSignal,
): Promise<Result<AdminLogin>> {
  const pod = await appPod(client, store.namespace, MEDUSA_NAMES.server, signal);
  if (!pod?.metadata?.name)
    return err(
      'invalid_state',
      'The Medusa server has no ready pod right now; wait until it is Ready and try again',
    );
  const ticket = newLoginTicket(store.adminEmail);
  const run = await execInPod(
    client.kubeConfig,
    { namespace: store.namespace, pod: pod.metadata.name, container: SERVER_CONTAINER },
    ['sh', '-c', medusaTicketScript(ticket.fileName)],
    { stdin: ticket.content, timeoutMs: 20_000, signal },
  );
  if (run.exitCode !== 0)
    return err(
      'internal',
      `Could not prepare the login link in ${pod.metadata.name}: ${run.stderr.trim() || `exit code ${run.exitCode}`}`,
    );
  return ok({ url: medusaLoginUrl(store.url, ticket.token), expiresAt: ticket.expiresAt.toISOString() });
}
