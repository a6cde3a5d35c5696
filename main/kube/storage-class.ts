// Which StorageClass the cluster uses when a claim names none: the GA annotation, or the beta one
// older clusters still carry. Diagnosis and preflight must agree on it.
const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export function isDefaultStorageClass(annotations: Record<string, string> | undefined): boolean {
  return DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations?.[key] === 'true');
}
