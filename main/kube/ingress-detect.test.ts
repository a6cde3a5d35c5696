import { describe, expect, it } from 'vitest';
import type { ApiObject } from './kube-object';
import {
  controllerKind,
  DEFAULT_CLASS_ANNOTATION,
  pickIngressClass,
  storeHost,
  storeOrigin,
} from './ingress-detect';

const cls = (name: string, isDefault?: boolean): ApiObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: {
    name,
    annotations:
      isDefault === undefined
        ? {}
        : ({ [DEFAULT_CLASS_ANNOTATION]: String(isDefault) } as Record<string, string>),
  },
  spec: { controller: 'traefik.io/ingress-controller' },
});

describe('pickIngressClass', () => {
  it('prefers the class marked default', () => {
    expect(pickIngressClass([cls('nginx'), cls('traefik', true)]).chosen?.metadata?.name).toBe('traefik');
  });

  it('takes the only class when none is marked default', () => {
    expect(pickIngressClass([cls('traefik', false)]).chosen?.metadata?.name).toBe('traefik');
  });

  it('explains an empty cluster and an ambiguous one', () => {
    expect(pickIngressClass([]).problem).toMatch(/no IngressClass/);
    expect(pickIngressClass([cls('a'), cls('b')]).problem).toMatch(/several IngressClasses \(a, b\)/);
    expect(pickIngressClass([cls('a', true), cls('b', true)]).problem).toMatch(/marked default \(a, b\)/);
  });
});

describe('controllerKind', () => {
  it('recognises Traefik and ingress-nginx by the class controller', () => {
    expect(controllerKind('traefik.io/ingress-controller')).toBe('traefik');
    expect(controllerKind('k8s.io/ingress-nginx')).toBe('nginx');
    expect(controllerKind('haproxy.org/ingress-controller')).toBe('other');
  });
});

describe('storeHost', () => {
  it('uses <slug>.localhost locally and the base domain when set', () => {
    expect(storeHost('shop', { isLocal: true, baseDomain: null })).toBe('shop.localhost');
    expect(storeHost('shop', { isLocal: false, baseDomain: 'stores.example.com' })).toBe(
      'shop.stores.example.com',
    );
    expect(storeHost('shop', { isLocal: true, baseDomain: '.stores.example.com.' })).toBe(
      'shop.stores.example.com',
    );
  });

  it('has no host for a remote cluster without a base domain', () => {
    expect(storeHost('shop', { isLocal: false, baseDomain: '  ' })).toBeNull();
  });
});

describe('storeOrigin', () => {
  it('carries the port only when the ingress is not on 80', () => {
    expect(storeOrigin('shop.localhost', 8080)).toBe('http://shop.localhost:8080');
    expect(storeOrigin('shop.localhost', 80)).toBe('http://shop.localhost');
    expect(storeOrigin('shop.stores.example.com', null)).toBe('http://shop.stores.example.com');
  });
});
