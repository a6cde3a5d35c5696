// `kind version` prints e.g. "kind v0.30.0 go1.24.6 linux/amd64" (pre-releases add
// "-alpha+<sha>"). Storedeck needs 0.28 or newer: 0.27's kindnetd lets NetworkPolicies block
// the kubelet's probes (kubernetes-sigs/kube-network-policies#150, fixed in 0.28), and every
// store carries a NetworkPolicy.

const MIN_KIND_VERSION = { major: 0, minor: 28, patch: 0 } as const;
export const MIN_KIND_REASON =
  "kind older than 0.28 runs a kindnetd whose NetworkPolicy enforcement blocks the kubelet's health probes (kubernetes-sigs/kube-network-policies#150, fixed in kind 0.28), so every store's probes would fail";

export interface KindVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

export function parseKindVersion(output: string): KindVersion | null {
  const match = /\bv?(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.+-]*)?/.exec(output);
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    text: match[0].startsWith('v') ? match[0] : `v${match[0]}`,
  };
}

export function isSupportedKind(version: KindVersion): boolean {
  const { major, minor, patch } = MIN_KIND_VERSION;
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}
