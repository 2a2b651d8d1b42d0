// What every answer of the handler table must be, whatever came in: an envelope; for an error, a known code that
// is not INTERNAL and a worded message without SQL or a stack; for a success, data the contract's output schema
// accepts and JSON can carry (the web host sends it as JSON).
import { ERROR_CODES } from '../../shared/api/appError.ts';
import { apiContract, isApiName } from '../../shared/api/apiContract.ts';

export type ProblemKind = 'crash' | 'not-envelope' | 'unknown-code' | 'internal' | 'sql-in-message' | 'stack-in-message' | 'bad-output' | 'not-json' | 'pollution' | 'slow';

export interface Problem {
  kind: ProblemKind;
  op: string;
  detail: string;
}

// Upper-case keywords only: English messages say "update" and "delete" in plain words.
const SQL_WORDS = /\b(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|VACUUM|FROM|WHERE|JOIN|VALUES)\b/;
// SQLite's own error texts; the word SQLite alone is fine (a message may say a file is not an SQLite database).
const SQL_ENGINE = /SQLITE_[A-Z]+|SqliteError|no such (?:table|column|function)|constraint failed|syntax error|near "[^"]*":|datatype mismatch|database is locked|disk I\/O error/i;
const STACK = /\n\s+at |\bat (?:async )?[\w$.<>[\]]+ \(|(?:^|[\s(])(?:\/|[A-Za-z]:\\|file:\/\/)[^\s:]+\.(?:[cm]?[jt]sx?|node):\d+|node:internal|\b\w+Error: /;

/** Every string inside a payload (keys too), so a message that only echoes the caller's own text is not blamed. */
export function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 20) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value.slice(0, 50)) stringsOf(v, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 50)) {
      out.push(k);
      stringsOf(v, out, depth + 1);
    }
  }
  return out;
}

/** The message with the caller's own strings taken out. */
function ownWords(message: string, payload: unknown): string {
  let rest = message;
  const echoes = stringsOf(payload)
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const s of echoes) rest = rest.split(s).join(' ');
  return rest;
}

export function messageLeaks(message: string, payload: unknown): ProblemKind | null {
  const rest = ownWords(message, payload);
  if (SQL_WORDS.test(rest) || SQL_ENGINE.test(rest)) return 'sql-in-message';
  if (STACK.test(rest)) return 'stack-in-message';
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The problems with one answer; none for a good one. */
export function checkEnvelope(op: string, payload: unknown, envelope: unknown): Problem[] {
  const problem = (kind: ProblemKind, detail: string): Problem[] => [{ kind, op, detail }];
  if (!isObject(envelope) || typeof envelope['ok'] !== 'boolean') return problem('not-envelope', safeJson(envelope));
  try {
    JSON.stringify(envelope);
  } catch (e) {
    return problem('not-json', String(e));
  }
  if (envelope['ok']) {
    if (!('data' in envelope)) return problem('not-envelope', 'ok without data');
    if (!isApiName(op)) return problem('not-envelope', 'an unknown operation answered ok');
    const parsed = apiContract[op].output.safeParse(envelope['data']);
    return parsed.success ? [] : problem('bad-output', `${JSON.stringify(parsed.error.issues.slice(0, 2))}`);
  }
  const error = envelope['error'];
  if (!isObject(error)) return problem('not-envelope', `error is ${safeJson(error)}`);
  const { code, message, key, params, field } = error;
  if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) return problem('unknown-code', String(code));
  if (code === 'INTERNAL') return problem('internal', String(message));
  if (typeof message !== 'string' || message.trim() === '') return problem('not-envelope', 'error without a message');
  if (typeof key !== 'string' || !isObject(params) || !(field === null || typeof field === 'string')) return problem('not-envelope', `error fields: ${safeJson(error)}`);
  const leak = messageLeaks(message, payload);
  return leak ? problem(leak, message.slice(0, 500)) : [];
}

/** Object.prototype as it was before the fuzz; anything new on it came from a payload. */
export function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

export function safeJson(value: unknown, max = 300): string {
  try {
    const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : Array.isArray(v) && v.length > 10 ? [...v.slice(0, 10), `…(${v.length})`] : v));
    return s === undefined ? String(value) : s.length > max ? `${s.slice(0, max)}…` : s;
  } catch {
    return String(value);
  }
}
