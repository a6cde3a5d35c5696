// ServiceAccount tokens as TokenRequest issues them: JWTs with the kubernetes.io claims, checked
// on every request against the ServiceAccount's uid (a deleted or recreated account's tokens stop
// working) and the expiry on the sim clock. Real clusters sign with RS256 and a key pair; the sim
// signs with an HMAC key of its own, which no client can tell apart (tokens are opaque to them).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ObjectStore } from '../../types.js';
import { serviceAccountUser, type UserInfo } from './user.js';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

interface Claims {
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  iss: string;
  jti: string;
  sub: string;
  'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
}

const b64 = (v: Buffer | string): string => Buffer.from(v).toString('base64url');

export interface TokenIssuer {
  /** The apiserver's --api-audiences: a token must name one of them. */
  audiences: string[];
  issue(
    sa: { namespace: string; name: string; uid: string },
    audiences: string[],
    expiresAtMs: number,
  ): string;
  /** The ServiceAccount user of a valid token; undefined for anything else. */
  verify(token: string, store: ObjectStore, nowMs: number): UserInfo | undefined;
}

export function createTokenIssuer(audiences: string[], nowMs: () => number): TokenIssuer {
  const key = randomBytes(32);
  const sign = (data: string): string => b64(createHmac('sha256', key).update(data).digest());
  return {
    audiences,
    issue(sa, aud, expiresAtMs) {
      const iat = Math.floor(nowMs() / 1000);
      const claims: Claims = {
        aud,
        exp: Math.floor(expiresAtMs / 1000),
        iat,
        nbf: iat,
        iss: ISSUER,
        jti: randomBytes(16).toString('hex'),
        sub: `system:serviceaccount:${sa.namespace}:${sa.name}`,
        'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid: sa.uid } },
      };
      const head = `${b64(JSON.stringify({ alg: 'HS256', kid: 'kube-sim' }))}.${b64(JSON.stringify(claims))}`;
      return `${head}.${sign(head)}`;
    },
    verify(token, store, now) {
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      const [h, p, s] = parts as [string, string, string];
      const want = Buffer.from(sign(`${h}.${p}`));
      const got = Buffer.from(s);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
      let claims: Claims;
      try {
        claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Claims;
      } catch {
        return undefined;
      }
      if (claims.exp * 1000 <= now || !claims.aud.some((a) => audiences.includes(a))) return undefined;
      const { namespace, serviceaccount } = claims['kubernetes.io'];
      const sa = store.get('serviceaccounts', namespace, serviceaccount.name);
      if (!sa || sa.metadata.uid !== serviceaccount.uid || sa.metadata.deletionTimestamp) return undefined;
      return serviceAccountUser(namespace, serviceaccount.name, serviceaccount.uid, claims.jti);
    },
  };
}
