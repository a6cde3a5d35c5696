// node wait-tcp.mjs HOST PORT [SECONDS]: returns once HOST:PORT accepts a TCP connection (the
// database or Redis has started), or fails after SECONDS (default 300) with a plain message.
import { connect } from 'node:net';

const [host, port, seconds = '300'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

function attempt() {
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: 3000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

for (let tries = 1; ; tries += 1) {
  if (await attempt()) {
    console.log(`wait-tcp: ${host}:${port} is accepting connections`);
    process.exit(0);
  }
  if (Date.now() > deadline) {
    console.error(
      `wait-tcp: ${host}:${port} did not accept a connection within ${seconds}s (${tries} tries)`,
    );
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, Math.min(5000, 250 * tries)));
}
