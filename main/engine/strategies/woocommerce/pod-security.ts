// Pod and container security settings of a store, checked against the official images: each one
// runs as its own non-root user, so every pod meets the Pod Security "restricted" level (the
// namespace enforces baseline and warns/audits restricted, see namespace.ts).
//
// - mysql:8.4 runs as uid/gid 999: its entrypoint chowns and gosu-drops only when started as
//   root; started as mysql it skips both, and /var/run/mysqld is 1777 in the image.
// - wordpress:*-apache runs as www-data (33): the entrypoint then copies WordPress without chown,
//   and the php image makes Apache's run/lock/log dirs 1777 for arbitrary users. Binding port 80
//   as root would need CAP_NET_BIND_SERVICE plus SETUID/SETGID to drop to www-data (and CHOWN/
//   FOWNER for the copy); a non-root Apache needs none of them once the pod's network namespace
//   lets unprivileged users bind from port 80 (net.ipv4.ip_unprivileged_port_start, a "safe"
//   sysctl the kubelet allows by default since Kubernetes 1.22 and baseline permits).
// - wordpress:cli runs as 33 as well (not its own 82), to write the Apache image's files.
import { HTTP_PORT } from './woocommerce-facts';

export { POD_DEFAULTS, nonRootPodSecurity } from '../non-root-pod';

/** Lets a non-root Apache listen on HTTP_PORT inside the pod's own network namespace. */
export const UNPRIVILEGED_HTTP_PORT_SYSCTL = {
  name: 'net.ipv4.ip_unprivileged_port_start',
  value: String(HTTP_PORT),
} as const;

/** Every container: no capabilities, no setuid escalation. */
export const CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
} as const;
