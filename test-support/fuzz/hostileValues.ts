// The values a careless caller or an attacker sends: strings that break parsers, terminals and SQL, numbers at
// the edges of every range, impossible dates, keys that pollute prototypes, and paths aimed at canary files.

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n',
  '\t\v\f',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ufeff',
  '\u200b\u200d\u2060',
  '\u202eevil\u202c',
  'e\u0301\u0301\u0301\u0301',
  '😀👨‍👩‍👧‍👦',
  '𠀀𪚥',
  '杭州云启科技有限公司',
  'Ｆｕｌｌｗｉｄｔｈ',
  '\uffff\ufffe',
  '\u2028\u2029',
  'İıßﬀ',
  '%s%n%x%d',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  "'; DROP TABLE customers;--",
  "' OR '1'='1",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '\\x00\\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '[]',
  '{}',
  '=cmd|\' /C calc\'!A0',
  'SELECT * FROM sqlite_master',
];

export const EDGE_NUMBERS: readonly number[] = [
  0, -0, 1, -1, 0.5, -0.5, 1e308, -1e308, 5e-324, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e13, 1e13 + 1,
  3650, 3651, 500, 501, -365, -366, 730, 731, NaN, Infinity, -Infinity,
];

export const EDGE_DATES: readonly string[] = [
  '9999-12-31',
  '0000-00-00',
  '0000-01-01',
  '1970-01-01',
  '1900-02-29',
  '2024-02-29',
  '2025-02-29',
  '2025-02-30',
  '2025-13-01',
  '2025-1-1',
  '2025/01/01',
  '20250101',
  '2025-01-01T00:00:00Z',
  ' 2025-01-01',
  '-000001-01-01',
  '+275760-09-13',
];

/** Days people really type, around the seeded archive's today. */
export const PLAIN_DATES: readonly string[] = ['2026-11-23', '2026-12-01', '2026-12-31', '2027-01-15', '2025-06-30', '2026-11-01', '2027-11-23'];

export const EDGE_INSTANTS: readonly string[] = [
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000Z',
  '2026-11-23T02:00:00.000+08:00',
  '2026-11-23T02:00:00',
  '2026-02-30T00:00:00Z',
  '2026-11-23T25:61:61Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-11-24T09:00:00.000Z',
  '2026-12-25T00:00:00Z',
];

export const EDGE_TIMES: readonly string[] = ['09:00', '00:00', '23:59', '24:00', '9:5', '-1:00', '99:99', '12:00:00', ''];

/** Own keys as JSON.parse makes them (a literal `__proto__:` would set the prototype instead). */
export const PROTO_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/**
 * `base` (as JSON sees it) with an own property `key`, the way JSON.parse makes one from a request body: a
 * literal or Object.assign would run the `__proto__` setter instead of adding a key.
 */
export function withOwnKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const json = JSON.stringify(base);
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  return JSON.parse(json === '{}' ? `{${entry}}` : `${json.slice(0, -1)},${entry}}`) as Record<string, unknown>;
}

/** What a naive deep merge of a payload would plant on Object.prototype. */
export const POLLUTION_MARK = 'fuzzPolluted';

/** Where the fuzz points its path-like strings: files the backend must never open, and its own folders. */
export interface FuzzTargets {
  /** The folder the child runs in (relative paths resolve here); data/ and canary/ sit inside it. */
  workDir: string;
  dataFile: string;
  backupsDir: string;
  stagingDir: string;
  /** Files outside the archive's folders that nothing may open, read or change. */
  canaryFiles: readonly string[];
  canaryDir: string;
}

/** Absolute, relative and disguised paths aimed at the canaries and at system files. */
export function pathStrings(t: FuzzTargets): string[] {
  const [first] = t.canaryFiles;
  const canary = first ?? `${t.canaryDir}/canary.txt`;
  const rel = (p: string) => (p.startsWith(`${t.workDir}/`) ? p.slice(t.workDir.length + 1) : p);
  return [
    ...t.canaryFiles,
    ...t.canaryFiles.map(rel),
    t.canaryDir,
    `${t.canaryDir}/`,
    `${t.canaryDir}/../canary/${canary.split('/').pop() ?? ''}`,
    `${t.backupsDir}/../../canary/canary.db`,
    `${t.stagingDir}/../../canary/canary.txt`,
    `${t.stagingDir}/uploads/../../../canary/canary.db`,
    `${t.backupsDir}/../neighbour.db`,
    `../canary/canary.db`,
    `./canary/./canary.db`,
    'canary\\canary.db',
    `file://${canary}`,
    `${canary}\u0000.db`,
    `${canary}/.`,
    '/etc/shadow',
    '/etc/passwd',
    '/dev/zero',
    '/proc/self/environ',
    '/root/.ssh/id_rsa',
    '~/.bashrc',
    '../../../../../../../../etc/shadow',
    '..\\..\\..\\windows\\win.ini',
    'C:\\Windows\\System32\\config\\SAM',
    '\\\\?\\C:\\',
    '//etc//shadow',
    '/etc/shadow%00.db',
    '.',
    '..',
    '/',
  ];
}
