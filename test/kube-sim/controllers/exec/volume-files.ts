// What pods write to their PersistentVolumeClaims, as bytes, so that two pods mounting one
// claim (WordPress and the WP-CLI console) see the same files and a tar of it is real. Files
// in a container's own filesystem stay in the shell's file map; only mounted claims live here.
import type { KubeObject } from '../../types.js';

type Mount = { name: string; mountPath: string; subPath?: string };
type Volume = { name: string; persistentVolumeClaim?: { claimName: string } };

export interface MountedPath {
  /** `<namespace>/<claim>`: the volume's identity. */
  volume: string;
  /** Path inside the volume, without a leading slash ('' is the mount's root). */
  rel: string;
}

const trim = (p: string): string => p.replace(/\/+$/, '');

/** Maps an absolute path in a container to the claim mounted there, if any (longest mount wins). */
export function mountResolver(pod: KubeObject, containerName: string): (path: string) => MountedPath | null {
  const spec = pod.spec ?? {};
  const containers = [
    ...((spec.containers ?? []) as Array<{ name: string; volumeMounts?: Mount[] }>),
    ...((spec.initContainers ?? []) as Array<{ name: string; volumeMounts?: Mount[] }>),
  ];
  const mounts = containers.find((c) => c.name === containerName)?.volumeMounts ?? [];
  const volumes = new Map(((spec.volumes ?? []) as Volume[]).map((v) => [v.name, v]));
  const claims = mounts
    .map((m) => ({ m, claim: volumes.get(m.name)?.persistentVolumeClaim?.claimName }))
    .filter((x): x is { m: Mount; claim: string } => Boolean(x.claim))
    .sort((a, b) => b.m.mountPath.length - a.m.mountPath.length);
  const namespace = pod.metadata.namespace ?? '';
  return (path) => {
    const abs = trim(path.startsWith('/') ? path : `/${path}`) || '/';
    for (const { m, claim } of claims) {
      const root = trim(m.mountPath);
      if (abs !== root && !abs.startsWith(`${root}/`)) continue;
      const inside = abs.slice(root.length + 1);
      const rel = [m.subPath ? trim(m.subPath) : '', inside].filter(Boolean).join('/');
      return { volume: `${namespace}/${claim}`, rel };
    }
    return null;
  };
}

export class VolumeFiles {
  private readonly volumes = new Map<string, Map<string, Buffer>>();

  private files(volume: string): Map<string, Buffer> {
    let files = this.volumes.get(volume);
    if (!files) this.volumes.set(volume, (files = new Map()));
    return files;
  }

  write(at: MountedPath, data: Buffer): void {
    this.files(at.volume).set(at.rel, data);
  }

  read(at: MountedPath): Buffer | undefined {
    return this.volumes.get(at.volume)?.get(at.rel);
  }

  /** Files under a directory of the volume (or the file itself), sorted by path. */
  under(at: MountedPath): Array<[string, Buffer]> {
    const files = this.volumes.get(at.volume);
    if (!files) return [];
    const prefix = at.rel ? `${at.rel}/` : '';
    return [...files.entries()]
      .filter(([rel]) => rel === at.rel || rel.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Whether anything (a file or a directory holding files) is at this path. */
  exists(at: MountedPath): boolean {
    return this.under(at).length > 0;
  }

  /** A deleted namespace takes its claims (and their volumes, reclaim policy Delete) with it. */
  dropNamespace(namespace: string): void {
    for (const key of [...this.volumes.keys()]) if (key.startsWith(`${namespace}/`)) this.volumes.delete(key);
  }
}
