import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePort, isPortFree } from './host-ports';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(port = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('host ports', () => {
  it('sees a port something listens on as taken', async () => {
    const port = await listen();
    expect(await isPortFree(port)).toBe(false);
    await new Promise((r) => servers.pop()!.close(r));
    expect(await isPortFree(port)).toBe(true);
  });

  it('takes the preferred port when free, else the first free one from the fallback up', async () => {
    const busy = await listen();
    const next = await listen(busy + 1).catch(() => null);
    const free = await choosePort(busy, busy);
    expect(free).toBeGreaterThan(busy);
    if (next !== null) expect(free).toBeGreaterThan(next);
    expect(await choosePort(80, 8080, { isFree: async (p) => p !== 80 && p !== 8080 })).toBe(8081);
    expect(await choosePort(80, 8080, { isFree: async () => true })).toBe(80);
    expect(await choosePort(443, 8443, { exclude: [443], isFree: async () => true })).toBe(8443);
  });

  it('says so when every candidate is taken', async () => {
    await expect(choosePort(80, 8080, { isFree: async () => false })).rejects.toThrow(
      'No free host port: 80 and 8080-8179 are all in use',
    );
  });
});
