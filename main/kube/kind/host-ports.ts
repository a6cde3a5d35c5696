// Which host ports the cluster's HTTP/HTTPS mappings get: the standard one when nothing
// listens there, else the first free one from the fallback up (8080, 8443), so a laptop that
// already runs a web server still gets a cluster, with the port carried in every store URL.
import { createServer } from 'node:net';

const PORT_SEARCH_SPAN = 100;

/**
 * false only when something listens there. EACCES (ports below 1024 for a normal user on Linux)
 * counts as free: Docker's daemon binds the mapping, not us.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'EADDRINUSE'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function choosePort(
  preferred: number,
  fallbackFrom: number,
  options: { exclude?: readonly number[]; isFree?: (port: number) => Promise<boolean> } = {},
): Promise<number> {
  const isFree = options.isFree ?? isPortFree;
  const exclude = new Set(options.exclude ?? []);
  const candidates = [preferred, ...Array.from({ length: PORT_SEARCH_SPAN }, (_, i) => fallbackFrom + i)];
  for (const port of candidates) {
    if (port < 1 || port > 65535 || exclude.has(port)) continue;
    if (await isFree(port)) return port;
  }
  throw new Error(
    `No free host port: ${preferred} and ${fallbackFrom}-${fallbackFrom + PORT_SEARCH_SPAN - 1} are all in use`,
  );
}
