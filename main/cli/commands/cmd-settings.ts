// `storedeck settings` prints what the Settings dialog shows; `settings set <key> <value>`
// changes one, validated by the same contract schema as the dialog (so the same messages).
import { SettingsSchema, type Settings } from '../../../preload/contract';
import { print, reportError, type CliContext } from '../cli-context';
import { EXIT_BAD_INPUT } from '../cli-errors';
import { formatTable } from '../format-table';
import type { CommandFn } from './command-fn';

type Key = keyof Settings;

/** The Settings dialog's labels, in its order; the CLI key is the kebab-case of the field. */
const SETTING_LABELS: Record<Key, string> = {
  baseDomain: 'Base domain',
  storageClass: 'Storage class',
  imageRegistry: 'Image registry',
  ingressHttpPort: 'Ingress HTTP port',
  concurrency: 'Provisions at once',
  maxStoresPerContext: 'Max stores per context',
  noProgressTimeoutMinutes: 'Timeout without progress (minutes)',
  provisionTimeoutMinutes: 'Overall provisioning limit (minutes)',
  verifyCheckout: 'Verify checkout before Ready',
  theme: 'Theme',
};
const KEYS = Object.keys(SETTING_LABELS) as Key[];
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function settingKey(typed: string): Key | null {
  return KEYS.find((key) => key === typed || kebab(key) === typed.toLowerCase()) ?? null;
}

const NUMERIC: readonly Key[] = [
  'concurrency',
  'maxStoresPerContext',
  'noProgressTimeoutMinutes',
  'provisionTimeoutMinutes',
  'ingressHttpPort',
];

/** The typed text as the field's type: a number for numbers, null for "none"/"" on optional ones. */
function settingValue(key: Key, text: string): unknown {
  if (SettingsSchema.shape[key].safeParse(null).success && (text === '' || text.toLowerCase() === 'none'))
    return null;
  if (key === 'verifyCheckout') {
    const word = text.toLowerCase();
    if (['on', 'true', 'yes', '1'].includes(word)) return true;
    if (['off', 'false', 'no', '0'].includes(word)) return false;
    return text;
  }
  // Not a number stays text, so the schema's own message ("must be a number") is what the user reads.
  if (NUMERIC.includes(key)) return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

function formatSettings(settings: Settings): string {
  return formatTable(
    ['KEY', 'SETTING', 'VALUE'],
    KEYS.map((key) => [
      kebab(key),
      SETTING_LABELS[key],
      settings[key] === null ? '(none)' : String(settings[key]),
    ]),
  );
}

function usage(ctx: CliContext, message: string): number {
  reportError(ctx, { code: 'invalid_request', message });
  return EXIT_BAD_INPUT;
}

export const runSettings: CommandFn = async (ctx, args) => {
  if (args.set === undefined) {
    const result = await ctx.call('getSettings', {});
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatSettings(result.value));
    return 0;
  }
  if (args.set !== 'set')
    return usage(ctx, `unexpected argument "${args.set}" (usage: storedeck settings [set <key> <value>])`);
  const key = settingKey(args.key ?? '');
  if (!key)
    return usage(
      ctx,
      `${args.key ? `no setting "${args.key}"` : 'missing <key>'} (keys: ${KEYS.map(kebab).join(', ')})`,
    );
  if (args.value === undefined) return usage(ctx, `missing <value> for ${kebab(key)}`);
  const result = await ctx.call('updateSettings', { [key]: settingValue(key, args.value) });
  if (!result.ok) return reportError(ctx, result.error);
  print(ctx, result.value, () => `${SETTING_LABELS[key]} is now ${result.value[key] ?? '(none)'}.`);
  return 0;
};
