// The SQL text mysqldump writes for a set of tables and the subset of it the mysql client
// loads back: DROP/CREATE/INSERT statements, comments, SET and LOCK statements.
import { TABLE_COLUMNS, type Row, type Tables } from './wp-tables.js';

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\x1a': '\\Z',
};
const UNESCAPES: Record<string, string> = { '0': '\0', n: '\n', r: '\r', Z: '\x1a', t: '\t', b: '\b' };

const value = (v: string | number): string =>
  typeof v === 'number' ? String(v) : `'${[...v].map((c) => ESCAPES[c] ?? c).join('')}'`;

export function dumpText(tables: Tables, database: string, serverVersion: string, dumpedAt: string): string {
  const out = [
    `-- MySQL dump 10.13  Distrib ${serverVersion}, for Linux (x86_64)`,
    '--',
    `-- Host: localhost    Database: ${database}`,
    '-- ------------------------------------------------------',
    `-- Server version\t${serverVersion}`,
    '',
    '/*!40101 SET NAMES utf8mb4 */;',
    '',
  ];
  for (const [table, rows] of tables) {
    const columns = TABLE_COLUMNS[table] ?? [];
    out.push(
      '--',
      `-- Table structure for table \`${table}\``,
      '--',
      '',
      `DROP TABLE IF EXISTS \`${table}\`;`,
      `CREATE TABLE \`${table}\` (${columns.map((c) => `\`${c}\` longtext`).join(', ')}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`,
      '',
      `LOCK TABLES \`${table}\` WRITE;`,
    );
    if (rows.length)
      out.push(
        `INSERT INTO \`${table}\` VALUES ${rows.map((r) => `(${r.map(value).join(',')})`).join(',')};`,
      );
    out.push('UNLOCK TABLES;', '');
  }
  out.push(`-- Dump completed on ${dumpedAt}`, '');
  return out.join('\n');
}

export class SqlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the tuples of an INSERT's VALUES list. */
function parseTuples(text: string, line: number): Row[] {
  const rows: Row[] = [];
  let i = 0;
  const syntax = () =>
    new SqlError(line, `You have an error in your SQL syntax near '${text.slice(i, i + 40)}'`);
  while (i < text.length) {
    while (text[i] === ',' || text[i] === ' ') i += 1;
    if (i >= text.length) break;
    if (text[i] !== '(') throw syntax();
    i += 1;
    const row: Row = [];
    for (;;) {
      if (text[i] === "'") {
        let s = '';
        i += 1;
        while (i < text.length && text[i] !== "'") {
          if (text[i] === '\\') {
            const c = text[i + 1] as string;
            s += UNESCAPES[c] ?? c;
            i += 2;
          } else s += text[i++];
        }
        if (i >= text.length) throw syntax();
        i += 1;
        row.push(s);
      } else {
        const m = /^-?\d+(\.\d+)?|^NULL/.exec(text.slice(i));
        if (!m) throw syntax();
        row.push(m[0] === 'NULL' ? '' : Number(m[0]));
        i += m[0].length;
      }
      if (text[i] === ',') i += 1;
      else if (text[i] === ')') {
        i += 1;
        break;
      } else throw syntax();
    }
    rows.push(row);
  }
  return rows;
}

/** Splits on ; outside quotes, keeping each statement's first line number. */
function statements(sql: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quote = false;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i];
    if (c === '\n') {
      line += 1;
      if (!quote && sql.slice(start, i).trim() === '') startLine = line;
    }
    if (quote && c === '\\') i += 1;
    else if (c === "'") quote = !quote;
    else if (!quote && c === '-' && sql[i + 1] === '-' && sql.slice(start, i).trim() === '') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end - 1;
      start = i + 1;
    } else if (!quote && c === ';') {
      out.push({ text: sql.slice(start, i).trim(), line: startLine });
      start = i + 1;
      startLine = line;
    }
  }
  const rest = sql.slice(start).trim();
  if (rest) out.push({ text: rest, line: startLine });
  return out;
}

/**
 * Runs the statements in order against tables (as the mysql client does without --force: the
 * ones before a failing statement stay applied). Returns the error, if any.
 */
export function loadText(sql: string, tables: Tables): SqlError | null {
  for (const { text, line } of statements(sql)) {
    if (!text || /^(\/\*!|SET |LOCK TABLES|UNLOCK TABLES|ALTER TABLE)/i.test(text)) continue;
    let m = /^DROP TABLE IF EXISTS `(\w+)`$/i.exec(text);
    if (m) {
      tables.delete(m[1] as string);
      continue;
    }
    m = /^CREATE TABLE `(\w+)` \(/i.exec(text);
    if (m) {
      tables.set(m[1] as string, []);
      continue;
    }
    m = /^INSERT INTO `(\w+)` VALUES (.*)$/is.exec(text);
    if (m) {
      const rows = tables.get(m[1] as string);
      if (!rows) return new SqlError(line, `Table '${m[1]}' doesn't exist`);
      try {
        rows.push(...parseTuples(m[2] as string, line));
      } catch (e) {
        if (e instanceof SqlError) return e;
        throw e;
      }
      continue;
    }
    return new SqlError(line, `You have an error in your SQL syntax near '${text.slice(0, 40)}'`);
  }
  return null;
}
