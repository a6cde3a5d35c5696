// The one place a plan's Secret objects are shaped: every required key present, values as
// `data` (base64), not `stringData`, so what is applied is exactly what a read returns.
import type { KubeObject } from '../../kube/kube-object';
import type { SecretMaterial } from './strategy';

export function opaqueSecret(
  metadata: KubeObject['metadata'],
  material: SecretMaterial,
  required: readonly string[],
): KubeObject {
  const name = metadata.name;
  const values = material[name];
  const missing = required.filter((key) => !values?.[key]);
  if (!values || missing.length > 0) {
    throw new Error(`Secret material for ${name} lacks ${missing.join(', ') || 'every key'}`);
  }
  const data = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Buffer.from(value, 'utf8').toString('base64')]),
  );
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data };
}
