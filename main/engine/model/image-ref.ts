/** An image reference with an optional registry prefix, e.g. "registry.local:5000/mysql:8.4.10". */
export function withRegistry(image: string, registry: string | null): string {
  const prefix = registry?.trim().replace(/\/+$/, '');
  return prefix ? `${prefix}/${image}` : image;
}
