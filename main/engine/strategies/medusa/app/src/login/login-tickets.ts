// One-time admin login tickets (Storedeck's "Open admin (logged in)"). The app writes a ticket
// file named after the SHA-256 of a random token (never the token itself) into LOGIN_DIR inside
// the server container, and opens /auth/storedeck-login#token=<token>. Claiming renames the file
// (of two requests with one token only one rename wins), deletes it and checks its expiry, so a
// token works once and only within its 60 seconds. Plain Node: unit-tested outside Medusa.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** In the server container's /tmp (an emptyDir): never on the app volume, gone on restart. */
export const loginDir = (): string => process.env.STOREDECK_LOGIN_DIR || '/tmp/storedeck-login';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type Claim = { ok: true; email: string } | { ok: false; reason: string };

export async function claimTicket(dir: string, token: unknown, nowSeconds: number): Promise<Claim> {
  if (typeof token !== 'string' || !TOKEN.test(token))
    return { ok: false, reason: 'This login link is not valid.' };
  const ticket = join(dir, `${createHash('sha256').update(token).digest('hex')}.json`);
  const claimed = `${ticket}.claimed-${randomBytes(8).toString('hex')}`;
  try {
    await rename(ticket, claimed);
  } catch {
    return { ok: false, reason: 'This login link was already used or does not exist.' };
  }
  const raw = await readFile(claimed, 'utf8').catch(() => '');
  await unlink(claimed).catch(() => undefined);
  let data: { user?: unknown; expires?: unknown } | null = null;
  try {
    data = JSON.parse(raw) as { user?: unknown; expires?: unknown };
  } catch {
    data = null;
  }
  if (!data || typeof data.user !== 'string' || typeof data.expires !== 'number')
    return { ok: false, reason: 'This login link is not valid.' };
  if (data.expires < nowSeconds)
    return { ok: false, reason: 'This login link has expired. Open the admin again from Storedeck.' };
  return { ok: true, email: data.user };
}

/** Removes tickets nobody claimed once they have expired (links that were never opened). */
export async function sweepTickets(dir: string, nowSeconds: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n))) {
    const file = join(dir, name);
    const expires = await readFile(file, 'utf8')
      .then((raw) => Number((JSON.parse(raw) as { expires?: unknown }).expires))
      .catch(() => 0);
    if (!(expires >= nowSeconds)) await unlink(file).catch(() => undefined);
  }
}
