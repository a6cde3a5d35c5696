// A store's WordPress database as MySQL holds it: the rows of wp_options, wp_users and
// wp_usermeta that WpState models, so mysqldump can write them and mysql can load them back.
import { WpState, type WpUser } from './wp-state.js';

export type Row = Array<string | number>;
export type Tables = Map<string, Row[]>;

export const TABLE_COLUMNS: Record<string, string[]> = {
  wp_options: ['option_id', 'option_name', 'option_value', 'autoload'],
  wp_users: ['ID', 'user_login', 'user_pass', 'user_nicename', 'user_email', 'display_name'],
  wp_usermeta: ['umeta_id', 'user_id', 'meta_key', 'meta_value'],
};

const phpString = (s: string): string => `s:${Buffer.byteLength(s)}:"${s}";`;

function serializeList(items: string[]): string {
  return `a:${items.length}:{${items.map((v, i) => `i:${i};${phpString(v)}`).join('')}}`;
}
function serializeRoles(roles: string[]): string {
  return `a:${roles.length}:{${roles.map((r) => `${phpString(r)}b:1;`).join('')}}`;
}
/** The strings of a serialized PHP array (keys and values), in order. */
const serializedStrings = (value: string): string[] =>
  [...value.matchAll(/s:\d+:"([^"]*)";/g)].map((m) => m[1] as string);

const pluginFile = (slug: string): string => `${slug}/${slug}.php`;

export function tablesOf(state: WpState): Tables {
  const options: Row[] = [];
  for (const [name, value] of state.options) options.push([options.length + 1, name, value, 'yes']);
  options.push([
    options.length + 1,
    'active_plugins',
    serializeList([...state.activePlugins].map(pluginFile)),
    'yes',
  ]);
  const users: WpUser[] = [...state.users.values()].sort((a, b) => a.id - b.id);
  return new Map<string, Row[]>([
    ['wp_options', options],
    ['wp_users', users.map((u) => [u.id, u.login, u.passHash, u.login, u.email, u.displayName])],
    ['wp_usermeta', users.map((u, i) => [i + 1, u.id, 'wp_capabilities', serializeRoles(u.roles)])],
  ]);
}

/** Puts loaded rows into the store's state (tables not in the dump keep their rows). */
export function applyTables(state: WpState, tables: Tables): void {
  const options = tables.get('wp_options');
  if (options) {
    state.options.clear();
    state.activePlugins.clear();
    for (const [, name, value] of options) {
      if (name === 'active_plugins')
        for (const file of serializedStrings(String(value)))
          state.activePlugins.add(file.split('/')[0] as string);
      else state.options.set(String(name), String(value));
    }
  }
  const users = tables.get('wp_users');
  if (users) {
    const roles = new Map<number, string[]>();
    for (const [, userId, key, value] of tables.get('wp_usermeta') ?? [])
      if (key === 'wp_capabilities') roles.set(Number(userId), serializedStrings(String(value)));
    state.users.clear();
    for (const [id, login, pass, , email, display] of users)
      state.users.set(String(login), {
        id: Number(id),
        login: String(login),
        passHash: String(pass),
        email: String(email),
        displayName: String(display),
        roles: roles.get(Number(id)) ?? [],
      });
  }
}

/** A state for a database a dump was loaded into before WordPress was installed there. */
export function emptyState(): WpState {
  const state = new WpState({ url: '', title: '', adminUser: '', adminPassword: '', adminEmail: '' });
  state.users.clear();
  state.options.clear();
  return state;
}
