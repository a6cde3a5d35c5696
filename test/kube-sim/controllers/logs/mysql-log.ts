import type { LogScript, ScriptInput, ScriptLine } from './log-script.js';
import { spread } from './log-script.js';

// The official mysql:8 image: entrypoint notes ("2024-05-01 10:00:00+00:00 [Note] [Entrypoint]: …")
// interleaved with mysqld's own error log ("2024-05-01T10:00:01.123456Z 0 [System] [MY-…] …").
const entry = (at: number): string => `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
const server = (at: number): string =>
  new Date(at)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(Math.floor(at) % 997).padStart(3, '0')}Z`);

export function mysqlScript(input: ScriptInput): LogScript {
  const version = /^\d+\.\d+\.\d+/.exec(input.tag)?.[0] ?? (input.tag.startsWith('8.4') ? '8.4.3' : '8.0.40');
  const db = input.env.MYSQL_DATABASE;
  const user = input.env.MYSQL_USER;
  const pid = 80 + input.rng.int(60);
  const note = (text: string) => (at: number) => `${entry(at)} [Note] [Entrypoint]: ${text}`;
  const sys =
    (thread: number, code: string, comp: string, text: string, level = 'System') =>
    (at: number) =>
      `${server(at)} ${thread} [${level}] [${code}] [${comp}] ${text}`;
  const texts: Array<(at: number) => string> = [
    note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
    note("Switching to dedicated user 'mysql'"),
    note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
  ];
  if (input.firstRun) {
    texts.push(
      note('Initializing database files'),
      sys(
        0,
        'MY-013169',
        'Server',
        `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process ${pid}`,
      ),
      sys(1, 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
      sys(1, 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
      sys(
        6,
        'MY-010453',
        'Server',
        'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
        'Warning',
      ),
      note('Database files initialized'),
      note('Starting temporary server'),
      sys(0, 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${version}) starting as process ${pid + 45}`),
      note('Temporary server started.'),
      note("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'"),
      ...(db ? [note(`Creating database ${db}`)] : []),
      ...(user ? [note(`Creating user ${user}`)] : []),
      ...(db && user ? [note(`Giving user ${user} access to schema ${db}`)] : []),
      note('Stopping temporary server'),
      sys(
        0,
        'MY-010910',
        'Server',
        `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`,
      ),
      note('Temporary server stopped'),
      note('MySQL init process done. Ready for start up.'),
    );
  }
  texts.push(
    sys(0, 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${version}) starting as process 1`),
    sys(1, 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
    sys(1, 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
    sys(0, 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.', 'Warning'),
    sys(
      0,
      'MY-013602',
      'Server',
      'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
    ),
  );
  const ending: Array<(at: number) => string> =
    input.outcome === 'crash'
      ? [
          sys(
            0,
            'MY-010273',
            'Server',
            'Could not create unix socket lock file /var/run/mysqld/mysqld.sock.lock.',
            'ERROR',
          ),
          sys(0, 'MY-010268', 'Server', 'Unable to setup unix socket lock file.', 'ERROR'),
          sys(0, 'MY-010119', 'Server', 'Aborting', 'ERROR'),
          sys(
            0,
            'MY-010910',
            'Server',
            `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`,
          ),
        ]
      : [
          sys(
            0,
            'MY-011323',
            'Server',
            "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
          ),
          sys(
            0,
            'MY-010931',
            'Server',
            `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
          ),
        ];
  const end = input.outcome === 'crash' ? (input.exitAfterMs ?? input.readyAfterMs) : input.readyAfterMs;
  const startup = spread(texts.length, 0, end * 0.8);
  const tail = spread(ending.length, end * 0.85, end * 0.98);
  const lines: ScriptLine[] = [
    ...texts.map((text, i) => ({ offset: startup[i] as number, text })),
    ...ending.map((text, i) => ({ offset: tail[i] as number, text })),
  ];
  return { lines };
}
