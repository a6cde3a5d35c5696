// /auth/storedeck-login: the one-time admin login behind Storedeck's "Open admin (logged in)".
// GET serves a page that reads the token from the URL fragment (browsers never send a fragment,
// so the token stays out of the request line, the server's HTTP log and any proxy's) and POSTs
// it; POST claims the ticket and gives the browser the same session POST /auth/session gives
// after a password login, then redirects to the dashboard at /app.
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { Modules } from '@medusajs/framework/utils';
import { claimTicket, loginDir, sweepTickets } from '../../../login/login-tickets';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in · Medusa admin</title></head>
<body><main><h1>Signing in to the admin</h1><p id="status" role="status">One moment…</p>
<noscript><p>This sign-in link needs JavaScript.</p></noscript>
<form id="login" method="post" action="/auth/storedeck-login"><input type="hidden" name="token" id="token"></form>
<script>
const token = new URLSearchParams(location.hash.slice(1)).get('token');
history.replaceState(null, '', location.pathname);
if (token) {
  document.getElementById('token').value = token;
  document.getElementById('login').submit();
} else {
  document.getElementById('status').textContent = 'This login link is incomplete. Open the admin again from Storedeck.';
}
</script></main></body></html>`;

function refuse(res: MedusaResponse, message: string): void {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(403)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused</title></head><body><main><h1>Sign-in refused</h1><p role="alert">${text}</p></main></body></html>`,
    );
}

function noStore(res: MedusaResponse): void {
  res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
}

export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  noStore(res);
  res.status(200).type('html').send(PAGE);
}

export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  noStore(res);
  const now = Math.floor(Date.now() / 1000);
  const claim = await claimTicket(loginDir(), (req.body as { token?: unknown } | undefined)?.token, now);
  await sweepTickets(loginDir(), now);
  if (!claim.ok) return refuse(res, claim.reason);

  const auth = req.scope.resolve(Modules.AUTH);
  const [identity] = await auth.listProviderIdentities({ entity_id: claim.email, provider: 'emailpass' });
  const authIdentity = identity?.auth_identity_id
    ? await auth.retrieveAuthIdentity(identity.auth_identity_id)
    : undefined;
  const userId = authIdentity?.app_metadata?.user_id;
  if (!authIdentity || typeof userId !== 'string')
    return refuse(res, 'The store admin named by this link does not exist.');
  // A second factor is the user's own choice: a link from the app must not skip it.
  const factors = await auth.listAuthMfa({ auth_identity_id: authIdentity.id, status: 'enabled' });
  if (factors.length > 0)
    return refuse(res, 'This admin uses two-factor authentication: sign in with the password instead.');

  const session = req.session as { regenerate(done: (err?: unknown) => void): void } | undefined;
  if (!session) return refuse(res, 'The server has no session support.');
  // A fresh session id for the signed-in admin (no fixation of a session made before).
  await new Promise<void>((resolve, reject) => session.regenerate((err) => (err ? reject(err) : resolve())));
  // The auth context POST /auth/session stores after an emailpass login (generate-jwt-token.ts).
  (req.session as { auth_context?: unknown }).auth_context = {
    actor_id: userId,
    actor_type: 'user',
    auth_identity_id: authIdentity.id,
    auth_provider: 'emailpass',
    mfa_enabled: false,
    mfa_challenge_completed_at: null,
    app_metadata: { ...authIdentity.app_metadata, user_id: userId },
    user_metadata: identity?.user_metadata ?? {},
  };
  res.redirect(303, '/app');
}
