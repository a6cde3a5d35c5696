// Whether NetworkPolicy is enforced cannot be asked of the API; it is inferred from the
// distribution and the network plugin pods. A store's isolation depends on it, so say so plainly.
export interface NetworkPolicyVerdict {
  enforced: boolean;
  detail: string;
}

// Kind 0.24 (Aug 2024) added policy enforcement to kindnetd; its image was v20240813-c6f155d6.
const KINDNETD_WITH_POLICIES = 20240813;
const ENFORCING_PLUGINS: Array<[RegExp, string]> = [
  [/calico/, 'Calico'],
  [/cilium/, 'Cilium'],
  [/kube-router/, 'kube-router'],
  [/antrea/, 'Antrea'],
  [/weave/, 'Weave Net'],
  [/kube-network-policies/, 'kube-network-policies'],
];

export function describeNetworkPolicySupport(
  gitVersion: string,
  systemPods: ReadonlyArray<{ name: string; images: readonly string[] }>,
): NetworkPolicyVerdict {
  const images = systemPods.flatMap((p) => p.images);
  for (const [pattern, plugin] of ENFORCING_PLUGINS) {
    if (images.some((i) => pattern.test(i))) {
      return { enforced: true, detail: `${plugin} enforces NetworkPolicy: stores are isolated` };
    }
  }
  const kindnet = images.find((i) => /kindnetd:v(\d{8})/.test(i));
  if (kindnet) {
    const date = Number(/kindnetd:v(\d{8})/.exec(kindnet)?.[1]);
    return date >= KINDNETD_WITH_POLICIES
      ? { enforced: true, detail: 'kindnetd (Kind ≥ 0.24) enforces NetworkPolicy: stores are isolated' }
      : {
          enforced: false,
          detail:
            'This Kind cluster predates 0.24: NetworkPolicy is not enforced, stores can reach each other. Recreate it with Kind ≥ 0.24',
        };
  }
  if (gitVersion.includes('+k3s')) {
    return {
      enforced: true,
      detail:
        "k3s's embedded policy controller enforces NetworkPolicy (unless the server runs with --disable-network-policy)",
    };
  }
  return {
    enforced: false,
    detail:
      'No network plugin known to enforce NetworkPolicy was found: stores may not be isolated from each other',
  };
}
