// PostgreSQL and Redis for the real Medusa test, from Debian's packages (scripts/test-prereqs.sh
// installs them): each in a fresh temp directory, on a free port, bound to 127.0.0.1 only.
// PostgreSQL refuses to run as root, so as root its processes run as the `postgres` system
// user the Debian package creates; as any other user they run as that user.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, run, start, type Running } from './processes.fixture';

export interface Postgres {
  url: string;
  stop: () => Promise<void>;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL is not installed: apt-get install -y postgresql (scripts/test-prereqs.sh does)',
    );
  }
  return join(root, versions[0] as string, 'bin');
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'storedeck-pg-'));
  const asRoot = userInfo().uid === 0;
  const as = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'pwfile'), `${password}\n`);
  if (asRoot) {
    const ids = await run('id', ['-u', 'postgres'], { timeoutMs: 5_000 });
    const gid = await run('id', ['-g', 'postgres'], { timeoutMs: 5_000 });
    chownSync(dir, Number(ids.trim()), Number(gid.trim()));
    chownSync(join(dir, 'pwfile'), Number(ids.trim()), Number(gid.trim()));
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  await run(
    ...as(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--pwfile',
      join(dir, 'pwfile'),
      '-A',
      'scram-sha-256',
      '--no-sync',
    ]),
    { timeoutMs: 60_000 },
  );
  const port = await freePort();
  // A throwaway test database: durability off makes migrations several times faster.
  const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await run(...as(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']), {
    timeoutMs: 60_000,
  });
  const env = { ...process.env, PGPASSWORD: password };
  await run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'medusa'], {
    env,
    timeoutMs: 30_000,
  });
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/medusa`,
    stop: async () => {
      await run(...as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']), { timeoutMs: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Redis {
  url: string;
  stop: () => Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  const dir = mkdtempSync(join(tmpdir(), 'storedeck-redis-'));
  const port = await freePort();
  const server: Running = await start(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { name: 'redis-server', ready: /Ready to accept connections/, timeoutMs: 30_000 },
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
