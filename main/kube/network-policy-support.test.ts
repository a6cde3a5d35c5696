import { describe, expect, it } from 'vitest';
import { describeNetworkPolicySupport } from './network-policy-support';

const pods = (...images: string[]) => images.map((image, i) => ({ name: `p${i}`, images: [image] }));

describe('network policy support', () => {
  it.each([
    ['Kind 0.24 kindnetd', 'v1.31.0', pods('docker.io/kindest/kindnetd:v20240813-c6f155d6'), true],
    ['Kind 0.23 kindnetd', 'v1.30.0', pods('docker.io/kindest/kindnetd:v20240513-cd2ac642'), false],
    ['k3s embedded controller', 'v1.31.4+k3s1', pods('rancher/mirrored-coredns-coredns:1.12.0'), true],
    ['Calico', 'v1.31.0', pods('docker.io/calico/node:v3.28.0'), true],
    ['flannel only', 'v1.31.0', pods('docker.io/flannel/flannel:v0.25.1'), false],
  ])('%s → enforced=%s', (_label, version, systemPods, enforced) => {
    const verdict = describeNetworkPolicySupport(version, systemPods);
    expect(verdict.enforced).toBe(enforced);
    expect(verdict.detail.length).toBeGreaterThan(20);
  });
});
