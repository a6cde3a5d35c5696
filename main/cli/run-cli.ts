// The CLI as a function: argv in, exit code out, output through injected streams, the service
// layer from an injected factory (the real createApp in main/cli.ts, a fake in unit tests).
import type { CreateAppOptions } from '../api/create-app';
import { resolveDataDir } from '../state/data-dir';
import { COMMANDS } from './command-specs';
import { createCliContext, reportError, type CliApp, type CliContext, type CliIo } from './cli-context';
import { EXIT_BAD_INPUT, EXIT_FAILED } from './cli-errors';
import { actionCommands } from './commands/cmd-actions';
import type { CommandFn } from './commands/command-fn';
import { runCreate } from './commands/cmd-create';
import { runDelete, runRetry } from './commands/cmd-lifecycle';
import { runLogs } from './commands/cmd-logs';
import { runSettings } from './commands/cmd-settings';
import { runCluster } from './commands/cmd-cluster';
import { runPreflightCommand } from './commands/cmd-preflight';
import { readCommands } from './commands/cmd-read';
import { toolCommands } from './commands/cmd-tools';
import { backupCommands } from './commands/cmd-backup';
import { commandHelp, generalHelp } from './help-text';
import { parseArgs } from './parse-args';

/** The options createApp takes; the CLI always runs as mode 'cli' (audit actor "cli:<user>"). */
export type AppOptions = CreateAppOptions;

export type AppFactory = (options: AppOptions) => Promise<CliApp> | CliApp;

export interface CliDeps {
  io: CliIo;
  createApp: AppFactory;
  env?: NodeJS.ProcessEnv;
  /** Ctrl-C: stops --wait and --follow cleanly. */
  signal?: AbortSignal;
  /** A yes/no prompt on the terminal (absent when stdin is not one). */
  confirm?: (question: string) => Promise<boolean>;
}

const HANDLERS: Record<string, CommandFn> = {
  ...readCommands,
  ...actionCommands,
  ...toolCommands,
  ...backupCommands,
  create: runCreate,
  retry: runRetry,
  delete: runDelete,
  logs: runLogs,
  settings: runSettings,
  cluster: runCluster,
  preflight: runPreflightCommand,
};

// Every command in the grammar has an implementation; a gap would be a bug found at start.
for (const command of COMMANDS) {
  if (!HANDLERS[command.name]) throw new Error(`storedeck: command "${command.name}" has no implementation`);
}

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** --context must name a context of the kubeconfig: a typo must not create a store nowhere. */
async function checkContext(ctx: CliContext, name: string): Promise<number | null> {
  const listed = await ctx.call('listContexts', {});
  if (!listed.ok) return reportError(ctx, listed.error);
  if (listed.value.contexts.some((c) => c.name === name)) return null;
  const names = listed.value.contexts.map((c) => c.name).join(', ') || 'none';
  reportError(ctx, {
    code: 'invalid_request',
    message: `--context: no context "${name}" in the kubeconfig (contexts: ${names})`,
  });
  return EXIT_BAD_INPUT;
}

export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const json = argv.includes('--json');
    reportError({ io, json }, { code: 'invalid_request', message: parsed.message });
    return EXIT_BAD_INPUT;
  }
  if (parsed.value.kind === 'help') {
    io.out(parsed.value.command ? commandHelp(parsed.value.command) : generalHelp());
    return 0;
  }
  const { command, args, flags, global, rest } = parsed.value;
  const options: AppOptions = {
    dataDir: resolveDataDir({ dataDir: global.dataDir, env: deps.env ?? process.env }),
    mode: 'cli',
    // Only a command that stays to see work through competes for the data dir's worker lease
    // (and so may resume unfinished stores); a quick `list` or `create` records and leaves.
    // `reconcile` is done on the spot when no app is working on the data dir.
    // restore and clone wait for the store they create, so they provision it when nobody else does.
    worker:
      flags.wait === true || ['reconcile', 'restore', 'clone'].includes(command.name) ? 'auto' : 'never',
  };
  if (global.kubeconfig !== undefined) options.kubeconfigPath = global.kubeconfig;
  if (global.context !== undefined) options.context = global.context;

  let app: CliApp;
  try {
    app = await deps.createApp(options);
  } catch (error) {
    reportError(
      { io, json: global.json },
      { code: 'internal', message: `could not start: ${messageOf(error)}` },
    );
    return EXIT_FAILED;
  }
  const ctx = createCliContext(
    app,
    io,
    global.json,
    deps.signal ?? new AbortController().signal,
    deps.confirm,
  );
  try {
    if (global.context !== undefined && command.name !== 'contexts') {
      const known = await checkContext(ctx, global.context);
      if (known !== null) return known;
    }
    return await (HANDLERS[command.name] as CommandFn)(ctx, args, flags, rest);
  } catch (error) {
    reportError(ctx, { code: 'internal', message: `${command.name} failed: ${messageOf(error)}` });
    return EXIT_FAILED;
  } finally {
    await app.close();
  }
}
