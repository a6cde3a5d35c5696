// Starts the engine and the web host together for `npm run web`, and stops them in reverse order.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../primitives/event-bus';
import { startWebHost, type WebHost } from './server';
import type { WebArgs } from './web-args';

export type AppFactory = (opts: {
  dataDir: string;
  kubeconfigPath?: string;
  context?: string;
  mode: 'desktop' | 'web';
}) => Promise<{ handlers: Handlers; bus: EventBus; close(): Promise<void> }>;

export class WebUiNotBuiltError extends Error {
  constructor(staticDir: string) {
    super(
      `The web UI is not built (${join(staticDir, 'index.html')} is missing): run \`npm run build:web\` first.`,
    );
  }
}

export type RunningWebHost = { host: WebHost; banner: string; stop(): Promise<void> };

export async function runWebHost(
  args: WebArgs,
  createApp: AppFactory,
  staticDir: string,
): Promise<RunningWebHost> {
  if (!existsSync(join(staticDir, 'index.html'))) throw new WebUiNotBuiltError(staticDir);
  const app = await createApp({
    dataDir: args.dataDir,
    mode: 'web',
    ...(args.kubeconfigPath ? { kubeconfigPath: args.kubeconfigPath } : {}),
    ...(args.context ? { context: args.context } : {}),
  });
  let host: WebHost;
  try {
    host = await startWebHost({ handlers: app.handlers, bus: app.bus, port: args.port, staticDir });
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    host,
    banner: `Storedeck web UI: ${host.launchUrl}`,
    async stop() {
      await host.close();
      await app.close();
    },
  };
}
