// One keep-alive HTTPS agent per context, shared by every request and watch. client-node 1.4
// builds a new https.Agent for each call (KubeConfig.createAgent), so every request paid a TLS
// handshake; the agent's options (CA, client certificate, server name) are fixed per context,
// and credentials that change (exec-plugin tokens) travel in headers, so one agent serves all.
import type { Agent } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';

type CreateAgent = (cluster: { proxyUrl?: string } | null, options: Record<string, unknown>) => Agent;

// Idle sockets are unref'd by Node's agent (they never hold the process) and dropped before the
// server's announced Keep-Alive timeout, so no idle timer of our own is needed.

/**
 * Makes kubeConfig hand out one shared keep-alive agent; returns a function that closes its
 * sockets. Proxied clusters keep client-node's own agents (a proxy agent per call, as upstream).
 */
export function shareKeepAliveAgent(kubeConfig: KubeConfig): () => void {
  // createAgent is private in the typings: the one seam client-node offers for its agent.
  const target = kubeConfig as unknown as { createAgent: CreateAgent };
  const original = target.createAgent.bind(kubeConfig);
  let shared: Agent | null = null;
  target.createAgent = (cluster, options) => {
    if (cluster?.proxyUrl) return original(cluster, options);
    shared ??= original(cluster, { ...options, keepAlive: true });
    return shared;
  };
  return () => {
    shared?.destroy();
    shared = null;
  };
}
