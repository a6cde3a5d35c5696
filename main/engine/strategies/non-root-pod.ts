// Pod-level settings every store pod of every plan shares: each image runs as its own non-root
// user, and nothing in a store talks to Kubernetes or reads Service-link variables.

const SECCOMP_RUNTIME_DEFAULT = { type: 'RuntimeDefault' } as const;

/** Pod-level context for a container image that runs as the given non-root uid/gid. */
export function nonRootPodSecurity(uid: number): Record<string, unknown> {
  return {
    runAsUser: uid,
    runAsGroup: uid,
    runAsNonRoot: true,
    // Volumes that support ownership management become group-writable for the image's user.
    fsGroup: uid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: SECCOMP_RUNTIME_DEFAULT,
  };
}

/** Pod fields every store pod shares: no API token (nothing in a store talks to Kubernetes). */
export const POD_DEFAULTS = {
  automountServiceAccountToken: false,
  // Service links add one set of variables per Service, which read like the images' own settings.
  enableServiceLinks: false,
} as const;
