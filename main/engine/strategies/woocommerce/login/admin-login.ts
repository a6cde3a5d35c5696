// One-click admin login for a WooCommerce store: puts (or refreshes) the login plugin into the
// running WordPress container and leaves a ticket for a fresh token there, in one exec. The
// official WordPress image has sh and coreutils but no WP-CLI, which is all this needs.
import { err, ok, type Result } from '../../../../../preload/contract';
import type { KubeClient } from '../../../../kube/client';
import { execInPod } from '../../../../kube/pod-exec';
import { appPod } from '../../../app-node';
import type { AdminLogin } from '../../strategy';
import { LOGIN_PLUGIN_PHP } from './login-plugin';
import { newLoginTicket } from '../../login-ticket';
import { LOGIN_PLUGIN_PATH, LOGIN_TICKET_DIR, loginUrl } from './login-ticket';

const DOCROOT = '/var/www/html';
/** www-data in the Debian-based official image: PHP must be able to rename and delete tickets. */
const WWW_DATA = '33:33';

/** The script run in the WordPress container; the plugin arrives on stdin. Nothing in it is secret. */
function ticketScript(fileName: string, content: string): string {
  if (!/^[0-9a-f]{64}\.json$/.test(fileName) || content.includes("'"))
    throw new Error('unexpected ticket shape');
  const plugin = `${DOCROOT}/${LOGIN_PLUGIN_PATH}`;
  const dir = `${DOCROOT}/${LOGIN_TICKET_DIR}`;
  return [
    'set -e',
    `mkdir -p ${DOCROOT}/wp-content/mu-plugins`,
    `cat > ${plugin}.new`,
    `mv ${plugin}.new ${plugin}`,
    `mkdir -p ${dir}`,
    `chmod 0700 ${dir}`,
    `printf '%s' '${content}' > ${dir}/${fileName}`,
    // WordPress runs as www-data (pod-security.ts), so the exec already does and owns what it
    // writes; only a container run as root (an older store) must hand the tickets over.
    `[ "$(id -u)" != 0 ] || chown -R ${WWW_DATA} ${dir}`,
  ].join('\n');
}

export async function createWooAdminLogin(
  client: KubeClient,
  target: { namespace: string; deployment: string; container: string; user: string; storeUrl: string },
  signal?: AbortSignal,
): Promise<Result<AdminLogin>> {
  const pod = await appPod(client, target.namespace, target.deployment, signal);
  if (!pod?.metadata?.name)
    return err('invalid_state', 'WordPress has no ready pod right now; wait until it is Ready and try again');
  const ticket = newLoginTicket(target.user);
  const run = await execInPod(
    client.kubeConfig,
    { namespace: target.namespace, pod: pod.metadata.name, container: target.container },
    ['sh', '-c', ticketScript(ticket.fileName, ticket.content)],
    { stdin: LOGIN_PLUGIN_PHP, timeoutMs: 20_000, signal },
  );
  if (run.exitCode !== 0)
    return err(
      'internal',
      `Could not prepare the login link in ${pod.metadata.name}: ${run.stderr.trim() || `exit code ${run.exitCode}`}`,
    );
  return ok({ url: loginUrl(target.storeUrl, ticket.token), expiresAt: ticket.expiresAt.toISOString() });
}
