// The MySQL image's clients against the namespace's simulated WordPress database:
// mysqldump writes it as SQL, mysql loads SQL from stdin (or answers the size query).
// Both authenticate like the server: the password (MYSQL_PWD) must be the one the container's
// environment gave the account.
import type { WpSite } from './wp-cli.js';
import type { ExecResult, Program, ProgramIo } from './shell-run.js';
import { dumpText, loadText } from './sql-text.js';
import { applyTables, emptyState, tablesOf } from './wp-tables.js';

export interface MysqlServer {
  site: WpSite;
  ready: boolean;
  version: string;
  now(): Date;
}

const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });
const NOT_RUNNING =
  "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n";

interface ClientArgs {
  user: string;
  database?: string;
  execute?: string;
}

function parseClient(args: string[]): ClientArgs {
  const out: ClientArgs = { user: 'root' };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] as string;
    if (a === '-u') out.user = args[++i] ?? '';
    else if (a.startsWith('-u') && !a.startsWith('--')) out.user = a.slice(2);
    else if (a.startsWith('--user=')) out.user = a.slice(7);
    else if (a === '-e') out.execute = args[++i];
    else if (a.startsWith('--execute=')) out.execute = a.slice(10);
    else if (a === '-h' || a === '-P') i += 1;
    else if (!a.startsWith('-')) out.database = a;
  }
  return out;
}

/** Access check: the account's password from the container env, given through MYSQL_PWD. */
function denied(io: ProgramIo, user: string): ExecResult | null {
  const expected =
    user === 'root'
      ? io.env.MYSQL_ROOT_PASSWORD
      : user === io.env.MYSQL_USER
        ? io.env.MYSQL_PASSWORD
        : undefined;
  const given = io.env.MYSQL_PWD;
  if (expected !== undefined && given === expected) return null;
  return fail(
    `ERROR 1045 (28000): Access denied for user '${user}'@'localhost' (using password: ${given ? 'YES' : 'NO'})\n`,
  );
}

function unknownDatabase(io: ProgramIo, database: string | undefined): string | null {
  if (!database) return 'No database selected';
  return database === io.env.MYSQL_DATABASE ? null : `Unknown database '${database}'`;
}

export function mysqlPrograms(server: MysqlServer): Record<string, Program> {
  const mysqldump: Program = (args, io) => {
    if (args.includes('--version'))
      return { stdout: `mysqldump  Ver ${server.version} for Linux on x86_64\n`, stderr: '', exitCode: 0 };
    if (!server.ready) return fail(`mysqldump: Got error: 2002: ${NOT_RUNNING.slice(20)}`, 2);
    const client = parseClient(args);
    const refused = denied(io, client.user);
    if (refused)
      return { ...refused, stderr: `mysqldump: Got error: 1045: ${refused.stderr.slice(20)}`, exitCode: 2 };
    const unknown = unknownDatabase(io, client.database);
    if (unknown) return fail(`mysqldump: Got error: 1049: ${unknown} when selecting the database\n`, 2);
    const state = server.site.state();
    const tables = state ? tablesOf(state) : new Map();
    const stamp = server.now().toISOString().replace('T', ' ').slice(0, 19);
    return {
      stdout: dumpText(tables, client.database as string, server.version, stamp),
      stderr: '',
      exitCode: 0,
    };
  };

  const mysql: Program = (args, io) => {
    if (!server.ready) return fail(NOT_RUNNING);
    const client = parseClient(args);
    const refused = denied(io, client.user);
    if (refused) return refused;
    const unknown = unknownDatabase(io, client.database);
    if (unknown) return fail(`ERROR 1049 (42000): ${unknown}\n`);
    const state = server.site.state();
    if (client.execute !== undefined) {
      // The one query a backup asks before it starts: how big the data is.
      if (/information_schema\.tables/i.test(client.execute)) {
        const size = state
          ? dumpText(tablesOf(state), client.database as string, server.version, '').length
          : 0;
        return { stdout: `${size}\n`, stderr: '', exitCode: 0 };
      }
      if (/^\s*select 1\s*$/i.test(client.execute)) return { stdout: '1\n', stderr: '', exitCode: 0 };
      return fail(`ERROR 1064 (42000) at line 1: You have an error in your SQL syntax\n`);
    }
    const target = state ?? emptyState();
    const tables = tablesOf(target);
    const error = loadText(io.stdinBytes().toString('utf8'), tables);
    applyTables(target, tables);
    if (!state) server.site.adopt(target);
    if (error) return fail(`ERROR 1064 (42000) at line ${error.line}: ${error.message}\n`);
    return { stdout: '', stderr: '', exitCode: 0 };
  };

  return { mysqldump, mysql };
}
