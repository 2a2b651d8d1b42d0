import { apiContract, isApiName, type ApiName } from '../../shared/api/apiContract.ts';
import { remindUsageProblem } from './remindCommand.ts';
import { msg, renderIn, type Message } from '../../shared/i18n/message.ts';
import { arrayElement, kebabToCamel, kindOf, objectShape, type FlagSchema } from './zodFlags.ts';

/** A command line that names no operation or gives a flag it cannot take; `message` stays zh-CN for logs. */
export class UsageError extends Error {
  readonly detail: Message;

  constructor(detail: Message) {
    super(renderIn('zh-CN', detail));
    this.detail = detail;
  }
}

/** Files the CLI itself reads or writes for a command; the backend only ever sees their bytes. */
export interface HostFiles {
  /** `import FILE`: uploaded through import:upload. */
  file?: string;
  /** `--map-file`: read (≤ 1 MiB) and sent as the import's `mapping`. */
  mapFile?: string;
  /** `export … --out`: where the returned bytes are written. */
  out?: string;
  /** `--passphrase-file`: an encrypted backup's passphrase, read from a file (kept out of shell history). */
  passphraseFile?: string;
}

export interface ParsedCommand {
  name: ApiName;
  input: Record<string, unknown>;
  host: HostFiles;
  db: string | undefined;
  json: boolean;
  /** Set when the user asked for one page; otherwise list commands fetch every page. */
  limit: number | undefined;
}

// Commands whose words do not spell '<domain>:<verb>' directly.
const ALIASES: Record<string, ApiName> = {
  init: 'system:init',
  demo: 'system:demo',
  backup: 'system:backup',
  backups: 'system:listBackups',
  // `restore NAME|FILE`: a name from the list restores that backup, anything else is a file the CLI uploads.
  restore: 'system:restoreUpload',
  info: 'system:info',
  remind: 'reminders:run',
  import: 'import:run',
  'undo-import': 'import:undo',
  imports: 'import:history',
  'import-issues': 'import:issues',
  report: 'reports:renewal',
  hygiene: 'hygiene:list',
  lifecycle: 'lifecycle:list',
  // `risk` alone lists the published warnings (with score, band, factors, probability); `risk list` is the 风险预警 list.
  risk: 'risk:warnings',
};
// Two-word commands that are not '<domain> <verb>'; checked before the one-word aliases.
const PHRASE_ALIASES: Record<string, ApiName> = {
  'remind preview': 'reminders:preview',
  'backup export-encrypted': 'system:exportEncrypted',
  // `hygiene` alone is the list; its other operations are spelled out.
  'hygiene list': 'hygiene:list',
  'hygiene trash': 'hygiene:trash',
  'hygiene restore': 'hygiene:restore',
  'hygiene handover': 'hygiene:handover',
  'hygiene undo-handover': 'hygiene:undoHandover',
  'lifecycle list': 'lifecycle:list',
  'lifecycle warning': 'lifecycle:warning',
  'lifecycle win-back': 'lifecycle:winBack',
  'lifecycle customer': 'lifecycle:customer',
  'lifecycle rules': 'lifecycle:rules',
  'lifecycle set-rules': 'lifecycle:setRules',
  'lifecycle recompute': 'lifecycle:recompute',
};
const VERB_ALIASES: Record<string, string> = { add: 'create', new: 'create', ls: 'list', show: 'get', rm: 'delete' };
// The first positional after these commands fills this input key (`restore FILE`).
const POSITIONAL_KEY: Partial<Record<ApiName, string>> = {
  'system:restore': 'name',
  'reminders:preview': 'contractNo',
  'import:undo': 'batchId',
  'import:issues': 'reportId',
};
// Flags (and the positional `file`) the CLI handles itself, by command: files it reads or writes on the user's side.
const EXPORT_FLAGS = ['out'] as const;
const HOST_FLAGS: Partial<Record<ApiName, readonly (keyof HostFiles)[]>> = {
  'import:run': ['file', 'mapFile'],
  'export:contracts': EXPORT_FLAGS,
  'export:customers': EXPORT_FLAGS,
  'export:followups': EXPORT_FLAGS,
  'export:payments': EXPORT_FLAGS,
  'export:usage': EXPORT_FLAGS,
  'export:visits': EXPORT_FLAGS,
  'export:keyReview': EXPORT_FLAGS,
  'export:complaints': EXPORT_FLAGS,
  'export:surveys': EXPORT_FLAGS,
  'export:calendar': EXPORT_FLAGS,
  'export:renewals': EXPORT_FLAGS,
  'export:archive': EXPORT_FLAGS,
  'export:report': EXPORT_FLAGS,
  'import:issues': EXPORT_FLAGS,
  'system:restoreUpload': ['file', 'passphraseFile'],
  'system:exportEncrypted': ['out', 'passphraseFile'],
  'contracts:attachmentsAdd': ['file'],
  'contracts:attachmentsRead': EXPORT_FLAGS,
};

const isHostFlag = (key: string, keys: readonly (keyof HostFiles)[]): key is Exclude<keyof HostFiles, 'file'> =>
  key !== 'file' && (keys as readonly string[]).includes(key);

function commandName(words: string[]): { name: ApiName; used: number } {
  const [first, second] = words;
  if (first === undefined) throw new UsageError(msg('cli.missingCommand'));
  const phrase = PHRASE_ALIASES[`${first} ${second ?? ''}`];
  if (phrase) return { name: phrase, used: 2 };
  const alias = ALIASES[first];
  if (alias) return { name: alias, used: 1 };
  if (second === undefined) throw new UsageError(msg('cli.unknownCommand', { command: first }));
  const verb = kebabToCamel(VERB_ALIASES[second] ?? second);
  const name = `${first}:${verb}`;
  if (!isApiName(name)) throw new UsageError(msg('cli.unknownCommand', { command: `${first} ${second}` }));
  return { name, used: 2 };
}

function coerce(schema: FlagSchema, raw: string, flag: string): unknown {
  switch (kindOf(schema)) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(msg('cli.needsNumber', { flag, value: raw }));
      return n;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1' || raw === 'yes') return true;
      if (raw === 'false' || raw === '0' || raw === 'no') return false;
      throw new UsageError(msg('cli.needsBoolean', { flag }));
    case 'object':
      try {
        return JSON.parse(raw);
      } catch {
        throw new UsageError(msg('cli.needsJson', { flag }));
      }
    default:
      return raw === '' ? null : raw;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object a dotted flag (`--primary-contact.name`) writes into, made on first use. */
function nestedInput(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = input[key];
  if (isRecord(existing)) return existing;
  const created: Record<string, unknown> = {};
  input[key] = created;
  return created;
}

/** The list a repeatable or comma-separated flag appends to, made on first use. */
function listInput(input: Record<string, unknown>, key: string): unknown[] {
  const existing = input[key];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  input[key] = created;
  return created;
}

function setFlag(input: Record<string, unknown>, shape: Readonly<Record<string, FlagSchema>>, flag: string, raw: string | undefined): void {
  const [head = '', ...rest] = flag.split('.');
  const key = kebabToCamel(head);
  const schema = shape[key];
  if (!schema) throw new UsageError(msg('cli.unknownFlag', { flag }));
  if (rest.length > 0) {
    const inner = objectShape(schema);
    if (!inner) throw new UsageError(msg('cli.noSubfields', { flag: head }));
    setFlag(nestedInput(input, key), inner, rest.join('.'), raw);
    return;
  }
  if (kindOf(schema) === 'boolean' && raw === undefined) {
    input[key] = true;
    return;
  }
  if (raw === undefined) throw new UsageError(msg('cli.missingValue', { flag }));
  const element = arrayElement(schema);
  if (element) {
    const list = listInput(input, key);
    for (const part of raw.split(',')) if (part.trim() !== '') list.push(coerce(element, part.trim(), flag));
    return;
  }
  input[key] = coerce(schema, raw, flag);
}

/** `renewal-desk [--db FILE] <command> [flags] [--json]`; global options may stand anywhere. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let db: string | undefined;
  let json = false;
  let limit: number | undefined;
  const words: string[] = [];
  const flags: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (value === undefined && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      // A boolean flag takes no value unless the next word is literally true/false.
      value = argv[++i];
    }
    if (flag === 'db') {
      if (!value) throw new UsageError(msg('cli.dbNeedsFile'));
      db = value;
    } else if (flag === 'json') {
      json = true;
      if (value !== undefined) words.push(value);
    } else if (flag === 'limit') {
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(msg('cli.limitNeedsInteger'));
    } else {
      flags.push([flag, value]);
    }
  }
  const { name, used } = commandName(words);
  const shape = objectShape(apiContract[name].input) ?? {};
  const input: Record<string, unknown> = {};
  const host: HostFiles = {};
  const hostKeys = HOST_FLAGS[name] ?? [];
  const positionals = words.slice(used);
  const positionalKey = POSITIONAL_KEY[name];
  if (positionalKey && positionals.length > 0) input[positionalKey] = positionals.shift();
  else if (hostKeys.includes('file') && positionals.length > 0) host.file = positionals.shift();
  if (positionals.length > 0) throw new UsageError(msg('cli.extraArguments', { words: positionals.join(' ') }));
  for (const [flag, value] of flags) {
    const hostKey = kebabToCamel(flag);
    if (isHostFlag(hostKey, hostKeys)) {
      if (!value) throw new UsageError(msg('cli.missingValue', { flag }));
      host[hostKey] = value;
      continue;
    }
    const schema = shape[kebabToCamel(flag.split('.')[0] ?? '')];
    if (schema && kindOf(schema) === 'boolean' && value !== undefined && !/^(true|false|1|0|yes|no)$/.test(value)) {
      throw new UsageError(msg('cli.switchTakesNoValue', { flag, value }));
    }
    setFlag(input, shape, flag, value);
  }
  if (limit !== undefined && 'limit' in shape) input['limit'] = limit;
  const problem = name === 'reminders:run' ? remindUsageProblem(input) : null;
  if (problem) throw new UsageError(problem);
  return { name, input, host, db, json, limit };
}
