// The pass's last step before Ready: the plan's checkout check (a test order placed through the
// store's own storefront API and removed again), run once per store — success is recorded on
// the Namespace, so drift passes over a Ready store never place orders. Off in settings: skipped.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { serviceHttp } from '../kube/service-proxy';
import { SIDE_FIELD_MANAGERS } from '../kube/field-managers';
import { ANNOTATION } from './model/labels';
import { markNamespace, namespaceMarked } from './namespace-marks';
import { revealAdminPassword } from './operations/password';
import { StepFailure } from './step-failure';
import type { StoreContext, StoreStrategy } from './strategies/strategy';
import type { Timeline } from './store-writer';

export const CHECKOUT_STEP = 'checkout';
const CHECKOUT_VERIFIED_MESSAGE = 'Checkout verified (test order placed and removed)';
/** Each request of the check; the Store API answers in well under a second. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface CheckoutStepOptions {
  enabled: boolean;
  generation: number;
  /** Per request (default 20 s), never past the overall limit. */
  requestTimeoutMs?: number;
  /** Recorded on the Namespace already (then nothing is placed again). */
  alreadyVerified: boolean;
  /** What is left of the attempt's overall limit. */
  remainingMs: number;
}

/** Whether the Namespace (as read when the attempt claimed it) says the check already passed. */
export function checkoutRecorded(namespace: ApiObject | null): boolean {
  return namespaceMarked(namespace, ANNOTATION.checkoutVerified);
}

export async function verifyCheckoutStep(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  options: CheckoutStepOptions,
  timeline: Timeline,
  signal: AbortSignal,
): Promise<void> {
  const check = strategy.checkout;
  if (!check || !options.enabled || options.alreadyVerified) return;
  await timeline.step(CHECKOUT_STEP, 'Placing a test order through the store’s checkout', async () => {
    const credentials = await revealAdminPassword(client, ctx, strategy);
    if (!credentials.ok)
      throw new StepFailure(CHECKOUT_STEP, `checkout failed: ${credentials.error.message}`, 'CheckoutFailed');
    const perRequest = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const outcome = await check.run({
      http: serviceHttp(client.kubeConfig, {
        namespace: ctx.namespace,
        service: check.service.name,
        port: check.service.port,
        host: ctx.host,
      }),
      admin: { user: credentials.value.username, password: credentials.value.password },
      timeoutMs: Math.max(1, Math.min(perRequest, options.remainingMs)),
      signal,
    });
    if (signal.aborted) throw new Error('aborted');
    if (!outcome.ok)
      throw new StepFailure(CHECKOUT_STEP, `checkout failed: ${outcome.reason}`, 'CheckoutFailed');
    await markNamespace(
      client,
      {
        namespace: ctx.namespace,
        annotation: ANNOTATION.checkoutVerified,
        generation: options.generation,
        fieldManager: SIDE_FIELD_MANAGERS.checkout,
      },
      signal,
    );
    return { value: undefined, message: `${CHECKOUT_VERIFIED_MESSAGE}: ${outcome.message}`, notable: true };
  });
}
