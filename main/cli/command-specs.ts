// The CLI's grammar in one table: parsing, help text and the usage tests all read it.
import { PLAN_COMPONENTS } from '../engine/strategies/plan-components';

export type FlagType = 'string' | 'number' | 'boolean';

export interface FlagSpec {
  name: string;
  type: FlagType;
  /** Placeholder shown in help, e.g. FILE. */
  value?: string;
  required?: boolean;
  description: string;
}

export interface ArgSpec {
  name: string;
  description: string;
  /** May be left out (only trailing arguments). */
  optional?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  args: ArgSpec[];
  flags: FlagSpec[];
  /** Arguments after `--`, handed on as they are (e.g. a WP-CLI command line). */
  rest?: ArgSpec;
}

export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'kubeconfig',
    type: 'string',
    value: 'FILE',
    description: 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)',
  },
  {
    name: 'context',
    type: 'string',
    value: 'NAME',
    description: 'cluster context (default: the kubeconfig current-context)',
  },
  {
    name: 'data-dir',
    type: 'string',
    value: 'DIR',
    description: 'where Storedeck keeps its state (default: the app data folder)',
  },
  { name: 'json', type: 'boolean', description: 'print machine-readable JSON' },
  { name: 'help', type: 'boolean', description: 'show help' },
];

/** "woocommerce: wordpress, mysql; medusa: server, …", as the strategies list them. */
const COMPONENTS_BY_PLAN = Object.entries(PLAN_COMPONENTS)
  .map(([plan, components]) => `${plan}: ${components.map((c) => c.name).join(', ')}`)
  .join('; ');
const PLAN_NAMES = Object.keys(PLAN_COMPONENTS);

const STORE_ARG: ArgSpec = { name: 'store', description: 'store slug, name or id' };
const WAIT: FlagSpec = { name: 'wait', type: 'boolean', description: 'follow the store until it settles' };
/** restore and clone make a new store from an existing one's data. */
const NEW_STORE_FLAGS: FlagSpec[] = [
  { name: 'name', type: 'string', value: 'NAME', required: true, description: 'name of the new store' },
  { name: 'email', type: 'string', value: 'EMAIL', description: 'admin email (default: the source store’s)' },
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'create',
    summary: 'create a store',
    args: [{ name: 'name', description: 'store name (1-40 printable characters)' }],
    flags: [
      { name: 'email', type: 'string', value: 'EMAIL', required: true, description: 'admin email' },
      {
        name: 'plan',
        type: 'string',
        value: 'PLAN',
        description: `${PLAN_NAMES.join(' or ')} (default ${PLAN_NAMES[0]})`,
      },
      { ...WAIT, description: 'follow provisioning until Ready or Failed' },
    ],
  },
  { name: 'list', summary: 'list the stores of the context', args: [], flags: [] },
  { name: 'show', summary: 'show one store', args: [STORE_ARG], flags: [] },
  { name: 'events', summary: "show a store's timeline", args: [STORE_ARG], flags: [] },
  { name: 'health', summary: 'pods, volumes and quota of a store', args: [STORE_ARG], flags: [] },
  {
    name: 'logs',
    summary: 'print (or follow) container logs',
    args: [STORE_ARG],
    flags: [
      {
        name: 'pod',
        type: 'string',
        value: 'POD',
        description: `a component of the store's plan (default: its first; ${COMPONENTS_BY_PLAN}), setup, or a pod name`,
      },
      {
        name: 'container',
        type: 'string',
        value: 'NAME',
        description: 'container (default: the pod’s first)',
      },
      { name: 'tail', type: 'number', value: 'N', description: 'last N lines, 1 to 10000 (default 100)' },
      { name: 'timestamps', type: 'boolean', description: 'prefix each line with its RFC 3339 time' },
      {
        name: 'previous',
        type: 'boolean',
        description: 'the container that ran before the last restart',
      },
      {
        name: 'saved',
        type: 'boolean',
        description: 'the setup job log kept after the job finished (--pod: which job pod)',
      },
      {
        name: 'follow',
        type: 'boolean',
        description: 'keep printing new lines until the pod goes away or Ctrl-C',
      },
    ],
  },
  {
    name: 'restart',
    summary: 'rollout-restart the store’s components',
    args: [STORE_ARG],
    flags: [
      {
        name: 'component',
        type: 'string',
        value: 'C',
        description: `all (default) or a component of the store's plan (${COMPONENTS_BY_PLAN})`,
      },
    ],
  },
  { name: 'reset-password', summary: 'set a new random admin password', args: [STORE_ARG], flags: [] },
  { name: 'password', summary: 'print the admin password', args: [STORE_ARG], flags: [] },
  {
    name: 'db',
    summary: 'forward the store database to a local port and print how to connect (until Ctrl-C)',
    args: [STORE_ARG],
    flags: [],
  },
  {
    name: 'wp',
    summary: 'run a WP-CLI command in the store, e.g. storedeck wp shop -- plugin list',
    args: [STORE_ARG],
    flags: [],
    rest: { name: 'wp-args', description: 'the WP-CLI command and its arguments, after --' },
  },
  {
    name: 'login',
    summary: 'print a one-time link into the admin, already signed in (valid 60 s)',
    args: [STORE_ARG],
    flags: [],
  },
  {
    name: 'backup',
    summary: 'write the store database and wp-content to one archive file (with progress)',
    args: [STORE_ARG],
    flags: [
      {
        name: 'out',
        type: 'string',
        value: 'FILE',
        description: 'archive to write (default: <data-dir>/backups/<slug>-<time>.storedeck.tar.gz)',
      },
    ],
  },
  {
    name: 'restore',
    summary: 'create a new store from a backup archive (checked before anything is created)',
    args: [{ name: 'archive', description: 'a .storedeck.tar.gz written by backup' }],
    flags: NEW_STORE_FLAGS,
  },
  {
    name: 'clone',
    summary: 'copy a store into a new one (backup + restore, streamed, no file)',
    args: [STORE_ARG],
    flags: NEW_STORE_FLAGS,
  },
  {
    name: 'retry',
    summary: 'retry a failed store, or resume one a stopped process left provisioning',
    args: [STORE_ARG],
    flags: [
      { ...WAIT, description: 'follow until Ready or Failed' },
      {
        name: 'current-settings',
        type: 'boolean',
        description:
          "use the context's settings of today (image registry, StorageClass, base domain) instead of those the store was created with",
      },
    ],
  },
  {
    name: 'reconcile',
    summary: 'compare a Ready store with the cluster and repair drift',
    args: [STORE_ARG],
    flags: [],
  },
  {
    name: 'delete',
    summary: 'delete a store and everything in it',
    args: [STORE_ARG],
    flags: [{ ...WAIT, description: 'wait until it is gone' }],
  },
  {
    name: 'audit',
    summary: 'show the audit log',
    args: [],
    flags: [
      { name: 'limit', type: 'number', value: 'N', description: 'entries (default 200, at most 1000)' },
    ],
  },
  { name: 'contexts', summary: 'list the kubeconfig contexts', args: [], flags: [] },
  {
    name: 'settings',
    summary: 'print every setting of the context, or change one: settings set <key> <value>',
    args: [
      { name: 'set', description: '"set" to change a setting', optional: true },
      { name: 'key', description: 'e.g. max-stores-per-context, base-domain', optional: true },
      { name: 'value', description: 'the new value ("none" clears an optional one)', optional: true },
    ],
    flags: [],
  },
  {
    name: 'cluster',
    summary: 'a local Kind cluster: create (with Traefik), status, delete',
    args: [{ name: 'action', description: 'create, status or delete' }],
    flags: [
      { name: 'name', type: 'string', value: 'NAME', description: 'cluster name (default: storedeck)' },
      {
        name: 'http-port',
        type: 'number',
        value: 'N',
        description: 'create: host port for HTTP (default: 80 when free, else the first free from 8080)',
      },
      {
        name: 'workers',
        type: 'number',
        value: 'N',
        description: 'create: worker nodes besides the control plane (default 0)',
      },
      { name: 'yes', type: 'boolean', description: 'delete: do not ask for confirmation' },
    ],
  },
  {
    name: 'preflight',
    summary: 'check whether the context can host stores (exit 1 on a failure)',
    args: [],
    flags: [],
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
