// Names the engine gives every store whatever its plan: the namespace and the password-reset
// Jobs. A plan's own object names live in its strategy folder (strategies/<plan>/).
import { NAMESPACE_PREFIX } from '../../../preload/store-address';

export { NAMESPACE_PREFIX };

/** Prefix of password-reset Job names; the caller appends a unique suffix. */
export const PASSWORD_RESET_JOB_PREFIX = 'admin-password-reset';

export function storeNamespace(slug: string): string {
  return `${NAMESPACE_PREFIX}${slug}`;
}
