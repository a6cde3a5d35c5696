// A loopback front for kube-sim whose pods/log?follow=true answers with the bench's own
// producer (numbered lines at a set rate, then the stream ends); every other request is piped to
// the sim unchanged. The app reaches it through a kubeconfig with insecure-skip-tls-verify, as
// client-node requires for plain http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { KubeSim } from '../../test/kube-sim/index';

export interface ProducerPlan {
  linesPerSecond: number;
  seconds: number;
  /** Lines written at once before the steady rate, as a follow's replay of a long tail arrives. */
  burst?: number;
}

export const producedLine = (n: number): string =>
  `line ${String(n).padStart(7, '0')} GET /wp-json/wc/store/v1/cart 200 1543 "kube-probe/1.31" upstream=10.42.0.7:80`;

function produce(res: ServerResponse, plan: ProducerPlan, onDone: (sent: number) => void): void {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  const burst = plan.burst ?? 0;
  const total = burst + plan.linesPerSecond * plan.seconds;
  const started = Date.now();
  let sent = 0;
  // Every 10 ms, write what the rate owes by now: a steady stream, not one burst.
  const timer = setInterval(() => {
    const due = Math.min(total, burst + Math.floor(((Date.now() - started) / 1000) * plan.linesPerSecond));
    if (due > sent) {
      let chunk = '';
      for (let n = sent + 1; n <= due; n++) chunk += `${producedLine(n)}\n`;
      res.write(chunk);
      sent = due;
    }
    if (sent >= total) {
      clearInterval(timer);
      res.end();
      onDone(sent);
    }
  }, 10);
  res.on('close', () => clearInterval(timer));
}

export interface ProducerProxy {
  kubeconfig: string;
  /** Requests the proxy has served (the app switched to it once this grows). */
  requests(): number;
  /** Resolves with the lines sent once the next follow's producer has finished. */
  next(plan: ProducerPlan): Promise<number>;
  close(): Promise<void>;
}

export async function startProducerProxy(sim: KubeSim): Promise<ProducerProxy> {
  const target = new URL(sim.url);
  const ca = Buffer.from(
    sim.kubeconfigObject.clusters[0]?.cluster['certificate-authority-data'] ?? '',
    'base64',
  );
  let pending: { plan: ProducerPlan; done: (sent: number) => void } | null = null;
  let served = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    served++;
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (pending && /\/pods\/[^/]+\/log$/.test(url.pathname) && url.searchParams.get('follow') === 'true') {
      const { plan, done } = pending;
      pending = null;
      return produce(res, plan, done);
    }
    const upstream = httpsRequest(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
        ca,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const config = structuredClone(sim.kubeconfigObject) as unknown as {
    clusters: Array<{ cluster: Record<string, unknown> }>;
  };
  for (const c of config.clusters)
    c.cluster = { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true };
  return {
    kubeconfig: stringify(config),
    requests: () => served,
    next: (plan) => new Promise((done) => (pending = { plan, done })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
