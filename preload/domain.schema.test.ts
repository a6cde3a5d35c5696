import { describe, expect, it } from 'vitest';
import { SettingsSchema } from './domain.schema';

const storageClass = SettingsSchema.shape.storageClass;
const imageRegistry = SettingsSchema.shape.imageRegistry;

describe('settings names are validated as the names they are', () => {
  it('StorageClass: a DNS-1123 subdomain', () => {
    for (const ok of ['local-path', 'standard', 'gp3.encrypted', 'a', null])
      expect(storageClass.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of [
      'Local-Path',
      '-fast',
      'fast-',
      'fast..ssd',
      'fast ssd',
      'fast_ssd',
      '',
      'a'.repeat(254),
    ])
      expect(storageClass.safeParse(bad).success, bad).toBe(false);
  });

  it('image registry: a host with optional port and path, or a Docker Hub namespace', () => {
    for (const ok of [
      'registry.example.com',
      'registry.example.com:5000/mirror',
      'localhost:5001',
      'ghcr.io/acme/mirror/',
      'myorg',
      'quay.io/my_org/sub-path',
      null,
    ])
      expect(imageRegistry.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of [
      'https://registry.example.com',
      'registry.example.com/Mirror',
      'registry .example.com',
      'registry.example.com:port',
      'registry.example.com//x',
      '-registry',
      'reg/../etc',
      '',
    ])
      expect(imageRegistry.safeParse(bad).success, bad).toBe(false);
  });
});
