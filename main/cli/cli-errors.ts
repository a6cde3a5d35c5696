// Exit codes and the one-line error text: contract errors speak in request fields, the user
// typed flags, so the field names are translated back to the flags they came from.
import type { ContractError } from '../../preload/contract';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input is what the contract's schemas refuse; everything else is an operation that failed. */
export function exitCodeFor(error: ContractError): number {
  return error.code === 'invalid_request' ? EXIT_BAD_INPUT : EXIT_FAILED;
}

const FIELD_TO_FLAG: Record<string, string> = {
  name: '<name>',
  id: '<store>',
  adminEmail: '--email',
  plan: '--plan',
  tailLines: '--tail',
  pod: '--pod',
  container: '--container',
  component: '--component',
  limit: '--limit',
  // settings set <key>: the schema's messages already name the setting in words.
  baseDomain: '',
  storageClass: '',
  imageRegistry: '',
  concurrency: '',
  maxStoresPerContext: '',
  noProgressTimeoutMinutes: '',
  provisionTimeoutMinutes: '',
  verifyCheckout: '',
  theme: '',
};

export function describeError(error: ContractError): string {
  const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();
  const match = /^([A-Za-z]+): (.*)$/s.exec(error.message);
  const field = match?.[1] ?? '';
  const flag = FIELD_TO_FLAG[field];
  if (!match || flag === undefined) return oneLine(error.message);
  return oneLine(flag ? `${flag}: ${match[2] ?? ''}` : (match[2] ?? ''));
}

/** One error as --json prints it: {"error":{"code","message"}}, the message as the text line has it. */
export function jsonError(error: ContractError): string {
  return `${JSON.stringify({ error: { code: error.code, message: describeError(error) } })}\n`;
}
