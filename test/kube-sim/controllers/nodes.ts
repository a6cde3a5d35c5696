// The simulated cluster's nodes: names from the profile (Kind: one `<cluster>-control-plane`),
// addresses as Kind's docker network hands them out, and the well-known labels every node has.
export interface SimNode {
  name: string;
  ip: string;
  labels: Record<string, string>;
}

const node = (name: string, ip: string): SimNode => ({
  name,
  ip,
  labels: {
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'topology.kubernetes.io/zone': 'sim-zone',
  },
});

/** The fast and realistic profiles' nodes: two, so that co-location (a Job next to the pod whose volume it shares) matters. */
export const DEFAULT_NODE_NAMES: readonly string[] = ['sim-node-1', 'sim-node-2'];

/** A profile's nodes by name, with the addresses Kind's docker network gives them (172.18.0.2, .3, …). */
export const simNodes = (names: readonly string[]): SimNode[] =>
  names.map((name, i) => node(name, `172.18.0.${2 + i}`));

export const SIM_NODES: readonly SimNode[] = simNodes(DEFAULT_NODE_NAMES);
