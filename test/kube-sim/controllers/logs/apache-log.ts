import type { LogScript, ScriptInput, ScriptLine } from './log-script.js';
import { spread } from './log-script.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Apache's error log clock: [Wed May 01 10:00:01.123456 2024]. */
function errorStamp(at: number): string {
  const d = new Date(at);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(Math.floor(at) % 997, 3)}`;
  return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} ${d.getUTCFullYear()}]`;
}

/** The combined access log clock: [01/May/2024:10:00:31 +0000]. */
function accessStamp(at: number): string {
  const d = new Date(at);
  return `[${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000]`;
}

// The official wordpress:*-apache image: the entrypoint copies WordPress on a fresh volume, Apache
// starts, then the kubelet's readiness probe shows up in the access log every period.
export function apacheScript(input: ScriptInput): LogScript {
  const texts: Array<(at: number) => string> = [];
  if (input.firstRun) {
    texts.push(
      () => 'WordPress not found in /var/www/html - copying now...',
      () => 'Complete! WordPress has been successfully copied to /var/www/html',
    );
  }
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`;
  texts.push(
    () => fqdn,
    () => fqdn,
    (at) =>
      `${errorStamp(at)} [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.62 (Debian) PHP/8.2.26 configured -- resuming normal operations`,
    (at) => `${errorStamp(at)} [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`,
  );
  if (input.outcome === 'crash') {
    texts.push(
      (at) =>
        `${errorStamp(at)} [php:error] [pid 42:tid 42] PHP Fatal error:  Uncaught Error: Call to undefined function mysqli_connect() in /var/www/html/wp-includes/class-wpdb.php:1986`,
    );
    texts.push(
      (at) =>
        `${errorStamp(at)} [core:notice] [pid 1:tid 1] AH00051: child pid 42 exit signal Segmentation fault (11), possible coredump in /etc/apache2`,
    );
  }
  const end =
    input.outcome === 'crash' ? (input.exitAfterMs ?? 1000) : Math.max(1, Math.min(input.readyAfterMs, 3000));
  const at = spread(texts.length, 0, end * 0.9);
  const lines: ScriptLine[] = texts.map((text, i) => ({ offset: at[i] as number, text }));
  if (input.outcome === 'crash') return { lines };
  const gateway = input.podIP.replace(/\.\d+$/, '.1');
  return {
    lines,
    periodic: {
      first: input.readyAfterMs,
      every: 10_000,
      text: (t, n) =>
        `${gateway} - - ${accessStamp(t)} "GET /wp-login.php HTTP/1.1" 200 ${4400 + ((n * 37) % 90)} "-" "kube-probe/1.31"`,
    },
  };
}
