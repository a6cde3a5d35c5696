// `npm run storedeck -- <command>` and the `storedeck` bin: the headless CLI over the same
// service layer as the desktop app and the web host (createApp + dispatch).
import { runCli } from './cli/run-cli';

const controller = new AbortController();
// First Ctrl-C: stop waiting/following cleanly and close the state; second: leave at once.
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new Error('interrupted'));
});

const code = await runCli(process.argv.slice(2), {
  io: { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) },
  // Loaded only when a command runs: help and bad input answer without loading the engine.
  createApp: async (options) => (await import('./api/create-app')).createApp(options),
  signal: controller.signal,
});

// Exit explicitly (watch sockets may linger), but only once both streams are flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
