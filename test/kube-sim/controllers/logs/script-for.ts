import { imageFlavour } from '../image.js';
import { apacheScript } from './apache-log.js';
import type { LogScript, ScriptInput } from './log-script.js';
import { isMedusaContainer, medusaScript } from './medusa-log.js';
import { mysqlScript } from './mysql-log.js';
import { genericScript, wpCliScript } from './wp-cli-log.js';

/** The log a container instance writes, by what its image is. */
export function scriptFor(input: ScriptInput): LogScript {
  if (isMedusaContainer(input)) return medusaScript(input);
  switch (imageFlavour(input.image)) {
    case 'mysql':
      return mysqlScript(input);
    case 'wordpress':
      return apacheScript(input);
    case 'wp-cli':
      return input.outcome === 'succeed' || input.outcome === 'fail'
        ? wpCliScript(input)
        : genericScript(input);
    default:
      return genericScript(input);
  }
}
