// The one-click admin login as the engine prepares it, minus the cluster: the very script the
// engine execs into the server container writes the ticket (its content on stdin) into the
// server's login directory, and the link is the one the engine hands to the browser.
import { spawnSync } from 'node:child_process';
import { medusaLoginUrl, medusaTicketScript } from '../../main/engine/strategies/medusa/admin-login';
import { newLoginTicket } from '../../main/engine/strategies/login-ticket';

export function prepareAdminLogin(
  dir: string,
  email: string,
  serverUrl: string,
): { token: string; url: string } {
  const ticket = newLoginTicket(email);
  const run = spawnSync('sh', ['-c', medusaTicketScript(ticket.fileName, dir)], {
    input: ticket.content,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (run.status !== 0) throw new Error(`ticket script failed: ${run.stderr}`);
  return { token: ticket.token, url: medusaLoginUrl(`${serverUrl}/`, ticket.token) };
}
