import { createHash } from 'node:crypto';

export interface ImageRef {
  registry: string;
  repository: string;
  tag: string;
  /** "docker.io/library/mysql:8.0", the form containerd reports. */
  full: string;
  /** "mysql:8.0": what people write, used to match profile keys. */
  short: string;
  /** "mysql:8.0" even for "bitnami/mysql:8.0". */
  base: string;
}

/** Parses an image reference the way containerd normalises it (docker.io, library/, :latest). */
export function parseImage(ref: string): ImageRef {
  const [nameAndTag = '', digest] = ref.split('@');
  const slash = nameAndTag.indexOf('/');
  const first = slash === -1 ? '' : nameAndTag.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasRegistry ? first : 'docker.io';
  let rest = hasRegistry ? nameAndTag.slice(slash + 1) : nameAndTag;
  const colon = rest.lastIndexOf(':');
  let tag = digest ? '' : 'latest';
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const repository = registry === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  const ref2 = digest ? `@${digest}` : `:${tag}`;
  const shortRepo =
    registry === 'docker.io' ? repository.replace(/^library\//, '') : `${registry}/${repository}`;
  return {
    registry,
    repository,
    tag,
    full: `${registry}/${repository}${ref2}`,
    short: `${shortRepo}${ref2}`,
    base: `${repository.split('/').pop() ?? repository}${ref2}`,
  };
}

/** A stable fake digest, so imageID looks like containerd's and is the same in every run. */
export function imageId(ref: string): string {
  const img = parseImage(ref);
  const sha = createHash('sha256').update(img.full).digest('hex');
  return `${img.registry}/${img.repository}@sha256:${sha}`;
}

export type ImageFlavour = 'mysql' | 'wordpress' | 'wp-cli' | 'generic';

/** Which log generator and exec toolbox a container gets. */
export function imageFlavour(ref: string): ImageFlavour {
  const img = parseImage(ref);
  const name = img.repository.split('/').pop() ?? '';
  if (/wp-?cli|wordpress-cli/.test(img.repository) || (name === 'wordpress' && img.tag.startsWith('cli')))
    return 'wp-cli';
  if (name === 'wordpress') return 'wordpress';
  if (name === 'mysql' || name === 'mariadb' || name === 'percona-server') return 'mysql';
  return 'generic';
}
