import type { ExecResult, Program } from './shell-run.js';
import { WpState, type WpInstallInput } from './wp-state.js';
import { searchReplace } from './wp-search-replace.js';

/** The WordPress site a WP-CLI container sees: the namespace's database. */
export interface WpSite {
  state(): WpState | undefined;
  install(input: WpInstallInput): WpState;
  databaseReachable(): boolean;
  /** A database mysql loaded tables into before WordPress was installed there. */
  adopt(state: WpState): void;
}

export const WP_CLI_VERSION = '2.11.0';
const GLOBAL_FLAGS = new Set([
  'allow-root',
  'path',
  'url',
  'user',
  'skip-plugins',
  'skip-themes',
  'quiet',
  'debug',
  'color',
  'no-color',
  'skip-packages',
]);
const DB_ERROR =
  "Error: Error establishing a database connection. This either means that the username and password information in your `wp-config.php` file is incorrect or that contact with the database server at `mysql` could not be established. This could mean your host's database server is down.\n";
const YIKES =
  "Error: YIKES! It looks like you're running this as root. You probably meant to run this as the user that your WordPress installation exists under.\n\nIf you REALLY mean to run this as root, we won't stop you, but just bear in mind that any code on this site will then have full privileges to modify your server.\n\nTo run the command as root anyway, pass --allow-root.\n";
const NOT_INSTALLED =
  'Error: The site you have requested is not installed.\nRun `wp core install` to create database tables.\n';

const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (message: string): ExecResult => ({
  stdout: '',
  stderr: message.endsWith('\n') ? message : `${message}\n`,
  exitCode: 1,
});

function parseArgs(args: string[]): { positional: string[]; assoc: Record<string, string | true> } {
  const positional: string[] = [];
  const assoc: Record<string, string | true> = {};
  for (const a of args) {
    if (!a.startsWith('--')) positional.push(a);
    else {
      const eq = a.indexOf('=');
      if (eq === -1) assoc[a.slice(2)] = true;
      else assoc[a.slice(2, eq)] = a.slice(eq + 1);
    }
  }
  return { positional, assoc };
}

const registered: Record<string, string[]> = {
  core: ['install', 'is-installed', 'version'],
  user: ['update', 'get', 'list', 'check-password'],
  option: ['get', 'update'],
  plugin: ['is-active', 'is-installed', 'list', 'get'],
  cli: ['version'],
  cache: ['flush'],
  rewrite: ['flush'],
  // A command without subcommands: its positionals are <old> <new>.
  'search-replace': [],
};
/** The WooCommerce version the sim's setup installs (wp plugin get woocommerce --field=version). */
const PLUGIN_VERSIONS: Record<string, string> = { woocommerce: '10.7.0' };

/** `wp`, as the WP-CLI image ships it, against the namespace's simulated WordPress database. */
export function wpProgram(site: WpSite): Program {
  return (args, io, shell) => {
    const { positional, assoc } = parseArgs(args);
    const [command, sub, ...rest] = positional;
    if (shell.uid === 0 && !assoc['allow-root']) return err(YIKES);
    if (assoc.version === true || (command === 'cli' && sub === 'version'))
      return ok(`WP-CLI ${WP_CLI_VERSION}\n`);
    if (!command) return ok('usage: wp <command>\n');
    const subs = registered[command];
    if (!subs)
      return err(`Error: '${command}' is not a registered wp command. See 'wp help' for available commands.`);
    if (command !== 'search-replace' && (!sub || !subs.includes(sub)))
      return err(
        `Error: '${sub ?? ''}' is not a registered subcommand of '${command}'. See 'wp help ${command}' for available subcommands.`,
      );
    if (command === 'core' && sub === 'version') return ok('6.7.1\n');
    if (!site.databaseReachable()) return err(DB_ERROR);
    const state = site.state();
    if (command === 'core' && sub === 'is-installed')
      return state ? ok() : { stdout: '', stderr: '', exitCode: 1 };
    if (command === 'core' && sub === 'install') {
      if (state) return ok('WordPress is already installed.\n');
      const missing = ['url', 'title', 'admin_user', 'admin_email'].filter(
        (k) => typeof assoc[k] !== 'string',
      );
      if (missing.length)
        return err(`Error: Parameter errors:\n${missing.map((m) => ` missing --${m} parameter`).join('\n')}`);
      const password = typeof assoc.admin_password === 'string' ? assoc.admin_password : 'generated-password';
      site.install({
        url: assoc.url as string,
        title: assoc.title as string,
        adminUser: assoc.admin_user as string,
        adminPassword: password,
        adminEmail: assoc.admin_email as string,
      });
      return ok(
        `${typeof assoc.admin_password === 'string' ? '' : `Admin password: ${password}\n`}Success: WordPress installed successfully.\n`,
      );
    }
    if (!state) return err(NOT_INSTALLED);
    for (const k of Object.keys(assoc)) if (GLOBAL_FLAGS.has(k)) delete assoc[k];
    if (command === 'search-replace') return searchReplace(state, positional.slice(1), assoc);
    switch (`${command} ${sub}`) {
      case 'cache flush':
        return ok('Success: The cache was flushed.\n');
      case 'rewrite flush':
        return ok('Success: Rewrite rules flushed.\n');
      case 'plugin get': {
        const name = rest[0] ?? '';
        if (!state.installedPlugins.has(name)) return err(`Error: The '${name}' plugin could not be found.`);
        const version = PLUGIN_VERSIONS[name] ?? '1.0.0';
        if (assoc.field === 'version') return ok(`${version}\n`);
        return ok(
          `name\t${name}\nstatus\t${state.activePlugins.has(name) ? 'active' : 'inactive'}\nversion\t${version}\n`,
        );
      }
      case 'user update': {
        if (!rest.length) return err('Error: Please specify one or more users, or use --all.');
        const password = assoc.prompt === 'user_pass' ? io.stdin().replace(/\r?\n$/, '') : assoc.user_pass;
        if (typeof password !== 'string') return err('Error: Need some fields to update.');
        let stdout = '';
        for (const ref of rest) {
          const user = state.findUser(ref);
          if (!user)
            return {
              stdout,
              stderr: `Warning: Invalid user ID, email or login: '${ref}'\nError: No valid users found.\n`,
              exitCode: 1,
            };
          state.setPassword(user, password);
          stdout += `Success: Updated user ${user.id}.\n`;
        }
        return ok(stdout);
      }
      case 'user check-password': {
        const [ref = '', password = ''] = rest;
        const user = state.findUser(ref);
        if (!user) return err(`Error: Invalid user ID, email or login: '${ref}'`);
        return state.checkPassword(user, password) ? ok() : { stdout: '', stderr: '', exitCode: 1 };
      }
      case 'user get': {
        const user = state.findUser(rest[0] ?? '');
        if (!user) return err(`Error: Invalid user ID, email or login: '${rest[0] ?? ''}'`);
        const fields: Record<string, string> = {
          ID: String(user.id),
          user_login: user.login,
          display_name: user.displayName,
          user_email: user.email,
          roles: user.roles.join(', '),
        };
        if (typeof assoc.field === 'string')
          return fields[assoc.field] !== undefined
            ? ok(`${fields[assoc.field]}\n`)
            : err(`Error: Invalid field: ${assoc.field}.`);
        return ok(
          Object.entries(fields)
            .map(([k, v]) => `${k}\t${v}\n`)
            .join(''),
        );
      }
      case 'user list': {
        const users = [...state.users.values()].filter(
          (u) => typeof assoc.role !== 'string' || u.roles.includes(assoc.role),
        );
        if (assoc.field === 'user_login' || assoc.field === 'ID')
          return ok(users.map((u) => `${assoc.field === 'ID' ? u.id : u.login}\n`).join(''));
        return ok(
          `ID\tuser_login\tdisplay_name\tuser_email\troles\n${users.map((u) => `${u.id}\t${u.login}\t${u.displayName}\t${u.email}\t${u.roles.join(',')}\n`).join('')}`,
        );
      }
      case 'option get': {
        const value = state.options.get(rest[0] ?? '');
        return value === undefined
          ? err(`Error: Could not get '${rest[0] ?? ''}' option. Does it exist?`)
          : ok(`${value}\n`);
      }
      case 'option update': {
        const [key = '', value = ''] = rest;
        if (state.options.get(key) === value)
          return ok(`Success: Value passed for '${key}' option is unchanged.\n`);
        state.options.set(key, value);
        return ok(`Success: Updated '${key}' option.\n`);
      }
      case 'plugin is-active':
        return state.activePlugins.has(rest[0] ?? '') ? ok() : { stdout: '', stderr: '', exitCode: 1 };
      case 'plugin is-installed':
        return state.installedPlugins.has(rest[0] ?? '') ? ok() : { stdout: '', stderr: '', exitCode: 1 };
      default: {
        const names = [...state.installedPlugins].filter(
          (p) => assoc.status !== 'active' || state.activePlugins.has(p),
        );
        return ok(names.map((p) => `${p}\n`).join(''));
      }
    }
  };
}

export { WpState };
