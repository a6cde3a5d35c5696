// A command line as a person types it → WP-CLI's arguments: words split on spaces, with '…'
// and "…" keeping spaces inside one argument (no variables, globs or pipes: nothing runs a shell).
export function splitCommand(line: string): { ok: true; args: string[] } | { ok: false; error: string } {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | null = null;
  for (const ch of line.trim().replace(/^wp\s+/, '')) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `The ${quote} quote is not closed` };
  if (inWord) args.push(current);
  if (args.length === 0) return { ok: false, error: 'Type a WP-CLI command, e.g. plugin list' };
  return { ok: true, args };
}
