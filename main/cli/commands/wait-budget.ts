// How long --wait may take: the engine's own limits plus a margin, so the engine (which marks
// the store Failed at its timeout) always speaks first and the CLI bound is only a safety net.
import { ENGINE_DEFAULTS } from '../../../preload/contract';
import type { CliContext } from '../cli-context';

const MARGIN_MS = 60_000;
/** The engine gives a namespace this long to disappear before reporting what holds it. */
export const DELETE_TIMEOUT_MS = ENGINE_DEFAULTS.deleteTimeoutSeconds * 1000;
const FALLBACK_PROVISION_MINUTES = ENGINE_DEFAULTS.provisionTimeoutMinutes;

export async function provisionWaitMs(ctx: CliContext): Promise<number> {
  const settings = await ctx.call('getSettings', {});
  // The overall limit bounds every attempt, however much progress it makes.
  const minutes = settings.ok ? settings.value.provisionTimeoutMinutes : FALLBACK_PROVISION_MINUTES;
  return minutes * 60_000 + MARGIN_MS;
}

export const deleteWaitMs = (): number => DELETE_TIMEOUT_MS + MARGIN_MS;
