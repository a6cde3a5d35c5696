import { StatusError } from '../../types.js';
import { notFound } from '../../store/errors.js';
import type { TokenIssuer } from '../auth/tokens.js';
import type { UserInfo } from '../auth/user.js';
import { asObject, type HandlerContext } from '../context.js';
import { sendJson } from '../status.js';
import { requireBodyType } from './write.js';

const MIN_SECONDS = 600;

function invalidExpiry(value: number, message: string): StatusError {
  return new StatusError(
    422,
    'Invalid',
    `TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: ${value}: ${message}`,
    {
      group: 'authentication.k8s.io',
      kind: 'TokenRequest',
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${value}: ${message}`,
          field: 'spec.expirationSeconds',
        },
      ],
    },
  );
}

/** POST .../serviceaccounts/<name>/token: a bound token for the account (TokenRequest, authentication.k8s.io/v1). */
export async function handleTokenRequest(ctx: HandlerContext, issuer: TokenIssuer): Promise<void> {
  ctx.log.verb = 'create';
  requireBodyType(ctx);
  const body = asObject(await ctx.body());
  const namespace = ctx.route.namespace as string;
  const name = ctx.route.name as string;
  const sa = ctx.store.get('serviceaccounts', namespace, name);
  if (!sa) throw notFound(ctx.route.type, name);
  const expirationSeconds = Number(body.spec?.expirationSeconds ?? 3600);
  if (expirationSeconds < MIN_SECONDS)
    throw invalidExpiry(expirationSeconds, 'may not specify a duration less than 10 minutes');
  if (expirationSeconds > 2 ** 32)
    throw invalidExpiry(expirationSeconds, 'may not specify a duration larger than 2^32 seconds');
  const audiences: string[] = body.spec?.audiences?.length ? body.spec.audiences : issuer.audiences;
  const expiresAt = ctx.now() + expirationSeconds * 1000;
  const token = issuer.issue({ namespace, name, uid: sa.metadata.uid as string }, audiences, expiresAt);
  sendJson(ctx.res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null },
    spec: { audiences, expirationSeconds, boundObjectRef: body.spec?.boundObjectRef ?? null },
    status: { token, expirationTimestamp: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  });
}

/** POST selfsubjectreviews (authentication.k8s.io/v1): who the server thinks the caller is. */
export async function handleSelfSubjectReview(ctx: HandlerContext, user: UserInfo): Promise<void> {
  ctx.log.verb = 'create';
  requireBodyType(ctx);
  asObject(await ctx.body());
  sendJson(ctx.res, 201, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: {
      userInfo: {
        username: user.username,
        ...(user.uid ? { uid: user.uid } : {}),
        groups: user.groups,
        ...(user.extra ? { extra: user.extra } : {}),
      },
    },
  });
}
