// `npm run storedeck -- <command>` and the `storedeck` bin: the headless CLI over the same
// service layer as the desktop app and the web host (createApp + dispatch).
import { runCli } from './cli/run-cli';

const controller = new AbortController();
// Launchers (npm, tsx) relay the terminal's Ctrl-C, so one key press can arrive twice in quick
// succession: only a second press a moment later means "leave now, without cleaning up".
const REPEAT_MEANS_FORCE_MS = 1_000;
let firstInterrupt = 0;
process.on('SIGINT', () => {
  if (!controller.signal.aborted) {
    firstInterrupt = Date.now();
    controller.abort(new Error('interrupted'));
  } else if (Date.now() - firstInterrupt > REPEAT_MEANS_FORCE_MS) {
    process.exit(130);
  }
});

const code = await runCli(process.argv.slice(2), {
  io: { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) },
  // Loaded only when a command runs: help and bad input answer without loading the engine.
  createApp: async (options) => (await import('./api/create-app')).createApp(options),
  signal: controller.signal,
});

// Exit explicitly (watch sockets may linger), but only once both streams are flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
