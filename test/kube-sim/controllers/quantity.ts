// Kubernetes resource.Quantity, exact (BigInt milli-units): parse, add, compare and the
// canonical String() the API server prints in quota and limit-range messages.

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 1000, rounded up like Quantity.MilliValue(). */
  milli: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : a / b);

export function parseQuantity(input: string | number): Quantity {
  const text = String(input).trim();
  const m = PATTERN.exec(text);
  if (!m)
    throw new Error(
      `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  const [, sign, whole, frac = '', suffix = ''] = m;
  let nano = BigInt(`${whole}${frac}`) * 10n ** 9n;
  let format: QuantityFormat = 'DecimalSI';
  let exp10 = 0;
  if (suffix in BINARY) {
    format = 'BinarySI';
    nano *= 1024n ** BigInt(BINARY[suffix] as number);
  } else if (suffix in DECIMAL) {
    exp10 = DECIMAL[suffix] as number;
  } else {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
  }
  exp10 -= frac.length;
  nano = exp10 >= 0 ? nano * 10n ** BigInt(exp10) : ceilDiv(nano, 10n ** BigInt(-exp10));
  const milli = ceilDiv(nano, 1_000_000n);
  return { milli: sign === '-' ? -milli : milli, format };
}

function decimalString(milli: bigint, exponentStyle: boolean): string {
  if (milli % 1000n !== 0n) return `${milli}m`;
  const value = milli / 1000n;
  if (value === 0n) return '0';
  let exp = 0;
  let v = value;
  while (exp < 18 && v % 1000n === 0n) {
    v /= 1000n;
    exp += 3;
  }
  if (exponentStyle) return exp === 0 ? `${v}` : `${v}e${exp}`;
  const suffix = Object.entries(DECIMAL).find(([, e]) => e === exp)?.[0] ?? '';
  return `${v}${suffix}`;
}

/** Quantity.String(): the canonical form (e.g. 1536Mi, 2Gi, 1500m, 2k). */
export function formatQuantity(q: Quantity): string {
  if (q.format === 'BinarySI') {
    const abs = q.milli < 0n ? -q.milli : q.milli;
    // Go prints small or fractional binary quantities in decimal form.
    if (q.milli % 1000n !== 0n || abs < 1024n * 1000n) return decimalString(q.milli, false);
    let v = q.milli / 1000n;
    let power = 0;
    while (power < 6 && v % 1024n === 0n) {
      v /= 1024n;
      power += 1;
    }
    const suffix = Object.entries(BINARY).find(([, p]) => p === power)?.[0] ?? '';
    return `${v}${suffix}`;
  }
  return decimalString(q.milli, q.format === 'DecimalExponent');
}

/** Quantity.Add: the sum keeps the left operand's format, unless that one is zero (then the right's). */
export const addQuantity = (a: Quantity, b: Quantity): Quantity => ({
  milli: a.milli + b.milli,
  format: a.milli === 0n ? b.format : a.format,
});
export const maxQuantity = (a: Quantity, b: Quantity): Quantity => (b.milli > a.milli ? b : a);
export const compareQuantity = (a: Quantity, b: Quantity): number =>
  a.milli < b.milli ? -1 : a.milli > b.milli ? 1 : 0;
export const zeroQuantity = (format: QuantityFormat = 'DecimalSI'): Quantity => ({ milli: 0n, format });
export const canonicalQuantity = (input: string | number): string => formatQuantity(parseQuantity(input));

export type ResourceList = Record<string, Quantity>;

/** Parses a {cpu: "500m", memory: "1Gi"} map, skipping nothing: a bad value throws. */
export function parseResourceList(list: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(list ?? {})) out[k] = parseQuantity(v as string | number);
  return out;
}

export function addResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = out[k] ? addQuantity(out[k] as Quantity, v) : v;
  return out;
}

/** "key=value,key=value" sorted by key, as the quota admission plugin prints lists. */
export function prettyPrintList(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatQuantity(list[k] as Quantity)}`)
    .join(',');
}

export function formatResourceList(list: ResourceList): Record<string, string> {
  return Object.fromEntries(
    Object.keys(list)
      .sort()
      .map((k) => [k, formatQuantity(list[k] as Quantity)]),
  );
}
