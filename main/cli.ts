// `npm run storedeck -- <command>` and the `storedeck` bin: the headless CLI over the same
// service layer as the desktop app and the web host (createApp + dispatch).
import { createInterface } from 'node:readline/promises';
import { runCli } from './cli/run-cli';

/** y/yes answers yes; anything else (or an empty line) is no. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

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
  io: {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    tty: Boolean(process.stderr.isTTY),
  },
  // Loaded only when a command runs: help and bad input answer without loading the engine.
  createApp: async (options) => (await import('./api/create-app')).createApp(options),
  signal: controller.signal,
  ...(process.stdin.isTTY ? { confirm } : {}),
});

// Exit explicitly (watch sockets may linger), but only once both streams are flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
