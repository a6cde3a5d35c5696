import { describe, expect, it } from 'vitest';
import { StoreNameSchema } from './contract';
import { storeNamespace } from '../main/engine/model/names';
import {
  MAX_SLUG_LENGTH,
  previewStoreAddress,
  refineStoreName,
  slugify,
  validateStoreName,
} from './store-address';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('slugify', () => {
  it.each([
    ['My Shop', 'my-shop'],
    ['  Café  Crème ', 'cafe-creme'],
    ['Straße & Söhne', 'strasse-sohne'],
    ['Ørsted Æble Łódź', 'orsted-aeble-lodz'],
    ['Ｆｕｌｌｗｉｄｔｈ１２', 'fullwidth12'],
    ['---hello---world---', 'hello-world'],
    ['a__b..c', 'a-b-c'],
    ['UPPER case 42', 'upper-case-42'],
    ['日本の店', ''],
    ['🛒🛒', ''],
    ['Shop 🛒 One', 'shop-one'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps store-<slug> within 63 characters and never ends on a dash after cutting', () => {
    const name = `${'a'.repeat(56)} b and more`;
    const slug = slugify(name);
    expect(slug).toBe('a'.repeat(56));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(storeNamespace(slugify('x'.repeat(200)))).toHaveLength(63);
  });

  it('always yields a DNS-1123 label or nothing', () => {
    for (const name of ['-a-', 'Ça va?', 'x'.repeat(120), '9 lives', 'e\u0301te\u0301', ' . ']) {
      const slug = slugify(name);
      if (slug !== '') expect(slug).toMatch(DNS_1123_LABEL);
    }
  });
});

describe('validateStoreName', () => {
  it.each([
    ['Corner Shop', { ok: true, slug: 'corner-shop' }],
    ['Default', { ok: false }],
    ['kube system', { ok: false }],
    ['KUBE-PUBLIC', { ok: false }],
    ['kube_node_lease', { ok: false }],
    ['Storedeck', { ok: false }],
    ['admin', { ok: false }],
    ['www', { ok: false }],
    ['API', { ok: false }],
    ['localhost', { ok: false }],
    ['System', { ok: false }],
    ['Admin Shop', { ok: true, slug: 'admin-shop' }],
    ['!!!', { ok: false }],
    ['日本', { ok: false }],
  ])('%j', (name, expected) => {
    expect(validateStoreName(name)).toMatchObject(expected);
  });

  it('explains why, naming the refused name', () => {
    expect(validateStoreName(' Default ')).toEqual({
      ok: false,
      message: 'Store name "Default" is reserved; choose another name',
    });
    expect(validateStoreName('???')).toEqual({
      ok: false,
      message: 'Store name must contain at least one letter or digit',
    });
  });

  it('plugs into the contract schema as a zod refinement', () => {
    const schema = StoreNameSchema.superRefine(refineStoreName);
    expect(schema.safeParse('My Shop').success).toBe(true);
    const refused = schema.safeParse('kube-system');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('reserved');
  });
});

describe('previewStoreAddress', () => {
  const local = { context: 'kind-storedeck', isLocal: true, baseDomain: null, httpPort: 8080 };
  it('gives the slug, namespace and URL the engine will use, port included when not 80', () => {
    expect(previewStoreAddress('Café Crème', local)).toEqual({
      ok: true,
      slug: 'cafe-creme',
      namespace: 'store-cafe-creme',
      url: 'http://cafe-creme.localhost:8080/',
      problem: null,
    });
    const remote = { context: 'k3s', isLocal: false, baseDomain: 'shops.example.com', httpPort: 80 };
    expect(previewStoreAddress('My Shop', remote)).toMatchObject({
      url: 'http://my-shop.shops.example.com/',
    });
  });

  it('says why there is no URL yet, and refuses names the engine refuses', () => {
    const remote = { context: 'k3s', isLocal: false, baseDomain: null, httpPort: null };
    expect(previewStoreAddress('My Shop', remote)).toMatchObject({
      ok: true,
      url: null,
      problem: expect.stringMatching(/no base domain is set/),
    });
    expect(previewStoreAddress('Admin', local)).toEqual({
      ok: false,
      message: 'Store name "Admin" is reserved; choose another name',
    });
  });
});
