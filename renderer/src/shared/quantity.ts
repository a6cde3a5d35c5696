// Kubernetes resource quantities ("500m", "2", "256Mi", "1Gi") as numbers, to compare used with hard.
const SUFFIX: Record<string, number> = {
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

export function parseQuantity(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value.trim());
  if (!match) return null;
  const scale = SUFFIX[match[2] ?? ''];
  return scale === undefined ? null : Number(match[1]) * scale;
}

/** used / hard between 0 and 1, or null when either cannot be read. */
export function usedFraction(used: string | undefined, hard: string | undefined): number | null {
  const u = parseQuantity(used ?? '0');
  const h = parseQuantity(hard);
  if (u === null || h === null || h === 0) return null;
  return Math.min(1, u / h);
}
