import { describe, expect, it } from 'vitest';
import { woocommerceStrategy } from '../engine/strategies/woocommerce/woocommerce.strategy';
import { testContext } from '../engine/strategies/woocommerce/test-context.fixture';
import { modelType, toModel, toWire } from './wire';

describe('wire ⇄ model', () => {
  it('names the generated models', () => {
    expect(modelType('v1', 'Namespace')).toBe('V1Namespace');
    expect(modelType('networking.k8s.io/v1', 'NetworkPolicy')).toBe('V1NetworkPolicy');
  });

  it('keeps NetworkPolicy `from` and LimitRange `default`, which the models rename', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'n' },
      spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { a: 'b' } } }] }] },
    };
    expect(
      (toModel(policy) as { spec: { ingress: Array<Record<string, unknown>> } }).spec.ingress[0],
    ).toHaveProperty('_from');
    expect(toWire(toModel(policy), policy.apiVersion, policy.kind)).toEqual(policy);
  });

  it('round-trips every object a WooCommerce store is made of, unchanged', () => {
    const ctx = testContext();
    const strategy = woocommerceStrategy;
    const objects = [
      ...strategy.resources(ctx),
      ...strategy.secrets(ctx, strategy.newSecrets(ctx)),
      strategy.setupJob(ctx, 'node-1'),
    ];
    expect(objects.length).toBe(16);
    for (const obj of objects) {
      expect(toWire(toModel(obj), obj.apiVersion, obj.kind), `${obj.kind} ${obj.metadata.name}`).toEqual(obj);
    }
  });

  it('turns read-back timestamps into strings and passes unknown kinds through', () => {
    const model = toModel({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z' },
    });
    expect(toWire(model, 'v1', 'Pod').metadata?.creationTimestamp).toBe('2026-01-01T00:00:00.000Z');
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, reason: 'FailedCreate' };
    expect(toWire(toModel(event), 'v1', 'Event')).toEqual(event);
  });
});
