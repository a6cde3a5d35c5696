// What the containers of a MedusaJS store print (all on the official Node image, told apart by
// container name): the template install, the migrations, the server and the storefront, as
// bin/install.sh, bin/migrate.sh, Medusa 2 and our storefront word it — and, when they crash,
// the errors that usually cause it (the npm registry out of reach, PostgreSQL not answering).
import { spread, type LogScript, type ScriptInput } from './log-script.js';

const MEDUSA_CONTAINERS = new Set(['install', 'migrate', 'server', 'storefront']);

export const isMedusaContainer = (input: ScriptInput): boolean =>
  /(^|\/)node:/.test(input.image) && MEDUSA_CONTAINERS.has(input.container);

const part = (input: ScriptInput) => (input.pod.startsWith('storefront-') ? 'storefront' : 'server');

function texts(input: ScriptInput): string[] {
  const failed = input.outcome === 'crash' || input.outcome === 'fail';
  switch (input.container) {
    case 'install': {
      const start = [
        `install.sh: copying the ${part(input)} template into ${part(input) === 'server' ? '/app' : '/storefront'}`,
        `install.sh: installing ${part(input)} dependencies from the npm registry (first time: minutes)`,
      ];
      return failed
        ? [
            ...start,
            'npm error code EAI_AGAIN',
            'npm error syscall getaddrinfo',
            'npm error errno EAI_AGAIN',
            'npm error request to https://registry.npmjs.org/@medusajs%2fmedusa failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
            `install.sh: npm ci failed: could not install the ${part(input)} dependencies from https://registry.npmjs.org/`,
          ]
        : [...start, `install.sh: ${part(input)} ready`];
    }
    case 'migrate': {
      const host = input.env.POSTGRES_HOST ?? 'postgres';
      const port = input.env.POSTGRES_PORT ?? '5432';
      return failed
        ? [`wait-tcp: ${host}:${port} did not accept a connection within 300s (100 tries)`]
        : [
            `wait-tcp: ${host}:${port} is accepting connections`,
            'migrate.sh: running database migrations',
            'info:    Migrations completed',
          ];
    }
    case 'server':
      return failed
        ? [
            'info:    Starting Medusa server',
            'error:   Error starting server',
            `Error: connect ECONNREFUSED ${input.env.REDIS_URL?.replace(/^redis:\/\//, '') ?? 'redis:6379'}`,
          ]
        : [
            'info:    Starting Medusa server',
            `info:    Server is ready on port: ${input.env.PORT ?? '9000'}`,
          ];
    default:
      return failed
        ? [
            `storefront listening on http://0.0.0.0:${input.env.PORT ?? '8000'}`,
            'storefront: GET /healthz: The store is not set up yet (setup has not finished).',
            'Error: storefront: cannot reach the Medusa server',
          ]
        : [`storefront listening on http://0.0.0.0:${input.env.PORT ?? '8000'}`];
  }
}

export function medusaScript(input: ScriptInput): LogScript {
  const lines = texts(input);
  const end = input.exitAfterMs ?? Math.max(1, input.readyAfterMs);
  const at = spread(lines.length, 0, end * 0.95);
  return { lines: lines.map((t, i) => ({ offset: at[i] as number, text: () => t })) };
}
