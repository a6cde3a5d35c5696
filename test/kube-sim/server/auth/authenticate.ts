import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ObjectStore } from '../../types.js';
import type { TokenIssuer } from './tokens.js';
import { ADMIN_USER, type UserInfo } from './user.js';

export interface Authenticators {
  adminToken: string;
  tokens: TokenIssuer;
  store: ObjectStore;
  now(): number;
}

/**
 * The union of the apiserver's authenticators the sim runs: a verified client certificate
 * (CN is the user, O the groups, as x509.CommonNameUserConversion), the admin's static bearer
 * token, ServiceAccount tokens. Undefined means 401 for a request that presented credentials.
 */
export function authenticate(req: IncomingMessage, auth: Authenticators): UserInfo | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    if (token === auth.adminToken) return ADMIN_USER;
    return auth.tokens.verify(token, auth.store, auth.now());
  }
  if (header) return undefined;
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate === 'function' && socket.authorized) {
    const cert = socket.getPeerCertificate();
    const cn = cert?.subject?.CN;
    if (typeof cn === 'string' && cn) {
      const o = cert.subject.O;
      const orgs = Array.isArray(o) ? o : o ? [o] : [];
      return { username: cn, groups: [...orgs, 'system:authenticated'] };
    }
  }
  return undefined;
}
