// Every plan's pods meet the Pod Security level its namespace enforces, and restricted, which
// every store pod meets today (issue 7: baseline for all, restricted where the image allows).
import { describe, expect, it } from 'vitest';
import { PLANS } from '../../preload/contract';
import { strategyFor } from '../../main/engine/strategies/registry';
import { testContext } from '../../main/engine/strategies/woocommerce/test-context.fixture';
import { evaluatePodSpec, podTemplateOf, type Level } from './pss-evaluator';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

describe.each(PLANS)('Pod Security Standards: the %s plan', (plan) => {
  const strategy = strategyFor(plan);
  const ctx = testContext();
  const objects = [...strategy.resources(ctx), strategy.setupJob(ctx, 'node-1')];
  const pods = objects.flatMap((o) => {
    const pod = podTemplateOf(o);
    return pod ? [[`${o.kind}/${o.metadata.name}`, pod] as const] : [];
  });

  it('runs pods, and its namespace enforces baseline or restricted', () => {
    expect(pods.length).toBeGreaterThan(0);
    expect(['baseline', 'restricted']).toContain(objects[0]?.metadata.labels?.[ENFORCE]);
  });

  it.each(pods)('%s passes the enforced level and restricted', (_name, pod) => {
    const enforced = objects[0]?.metadata.labels?.[ENFORCE] as Level;
    expect(evaluatePodSpec(pod.spec, enforced, pod.annotations)).toEqual([]);
    expect(evaluatePodSpec(pod.spec, 'restricted', pod.annotations)).toEqual([]);
  });
});
