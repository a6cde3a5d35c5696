// The one-time admin login link of every plan: a random token the browser carries once, and the
// ticket the store keeps for it — named by the token's SHA-256, so neither the store's disk nor
// anything that reads it (logs, backups) can replay the link. Each plan's app claims it.
import { createHash, randomBytes } from 'node:crypto';

/** Long enough to open a browser, short enough that a leaked link is worthless. */
export const LOGIN_TICKET_TTL_SECONDS = 60;

export interface LoginTicket {
  token: string;
  /** File name of the ticket in the plan's ticket directory. */
  fileName: string;
  /** The ticket's content: who to sign in and until when (Unix seconds). */
  content: string;
  expiresAt: Date;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newLoginTicket(user: string, now = Date.now()): LoginTicket {
  const token = randomBytes(32).toString('base64url');
  const expires = Math.floor(now / 1000) + LOGIN_TICKET_TTL_SECONDS;
  return {
    token,
    fileName: `${tokenHash(token)}.json`,
    content: JSON.stringify({ user, expires }),
    expiresAt: new Date(expires * 1000),
  };
}
