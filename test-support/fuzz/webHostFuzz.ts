// Runs the web host fuzz against a host on a port: the HTTP cases (webHostCases.ts), then raw-socket abuse (bytes
// no client sends, endless headers, smuggling, bodies cut off, a request trickled in), and judges every answer:
// an allowed status, never a 5xx, no stack or SQL in a refusal, an API answer that is a proper envelope, no byte
// of a file outside the renderer's folder; afterwards the host is alive and answers a good request.
import fs from 'node:fs';
import path from 'node:path';
import { isApiName } from '../../shared/api/apiContract.ts';
import { seededRandom } from '../import/seededRandom.ts';
import { checkEnvelope, messageLeaks, safeJson } from './envelopeChecks.ts';
import { httpRequest, rawExchange, type RawExchange, type WebResponse } from './webHostClient.ts';
import type { HostFacts, WebCase } from './webHostCases.ts';

export interface WebTarget extends HostFacts {
  /** Files whose content must never appear in an answer (the project's package.json, the data file…). */
  secrets: { file: string; marker: string }[];
}

export interface RawCase {
  name: string;
  exchange: RawExchange;
  /** 0: no answer at all is fine (the client gave up first). */
  expect: number[];
  /** How long to wait for an answer; bytes that never end a request get none until the host's own time-out. */
  timeoutMs?: number;
}

export interface WebProblem {
  name: string;
  detail: string;
}

export interface WebFuzzReport {
  requests: number;
  statuses: Record<string, number>;
  problems: WebProblem[];
  slowestMs: number;
  elapsedMs: number;
}

export function rawCases(h: HostFacts, seed: number, garbage: number): RawCase[] {
  const host = `Host: 127.0.0.1:${h.port}\r\n`;
  const auth = `Authorization: Bearer ${h.token}\r\n`;
  const r = seededRandom(seed);
  const cases: RawCase[] = [
    { name: 'no Host on HTTP/1.0', exchange: { pieces: ['GET / HTTP/1.0\r\n\r\n'] }, expect: [400, 403] },
    { name: 'no Host on HTTP/1.1', exchange: { pieces: [`POST /api/system:info HTTP/1.1\r\n${auth}Content-Length: 2\r\nConnection: close\r\n\r\n{}`] }, expect: [400, 403] },
    { name: 'HTTP/9.9', exchange: { pieces: [`GET / HTTP/9.9\r\n${host}\r\n`] }, expect: [400, 505] },
    { name: 'unknown method', exchange: { pieces: [`FROB / HTTP/1.1\r\n${host}Connection: close\r\n\r\n`] }, expect: [400, 405] },
    { name: 'space in the path', exchange: { pieces: [`GET /a b HTTP/1.1\r\n${host}Connection: close\r\n\r\n`] }, expect: [400] },
    { name: 'header without a colon', exchange: { pieces: [`GET / HTTP/1.1\r\n${host}Oops\r\nConnection: close\r\n\r\n`] }, expect: [400] },
    { name: 'NUL in a header', exchange: { pieces: [`GET / HTTP/1.1\r\n${host}X-A: a\u0000b\r\nConnection: close\r\n\r\n`] }, expect: [400] },
    { name: 'huge header', exchange: { pieces: [`GET / HTTP/1.1\r\n${host}X-Big: ${'a'.repeat(70_000)}\r\nConnection: close\r\n\r\n`] }, expect: [431, 400] },
    { name: 'thousands of headers', exchange: { pieces: [`GET / HTTP/1.1\r\n${host}${'X-A: b\r\n'.repeat(3000)}Connection: close\r\n\r\n`] }, expect: [431, 400, 401] },
    {
      name: 'Content-Length with Transfer-Encoding',
      exchange: { pieces: [`POST /api/system:info HTTP/1.1\r\n${host}${auth}Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\nGET /x HTTP/1.1\r\n\r\n`] },
      expect: [400],
    },
    { name: 'two Content-Lengths', exchange: { pieces: [`POST /api/system:info HTTP/1.1\r\n${host}${auth}Content-Length: 2\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{}`] }, expect: [400] },
    { name: 'bad chunk size', exchange: { pieces: [`POST /api/system:info HTTP/1.1\r\n${host}${auth}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`] }, expect: [400] },
    {
      name: 'oversized chunked body',
      exchange: { pieces: [`POST /api/customers:list HTTP/1.1\r\n${host}${auth}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n`, ...Array.from({ length: 22 }, () => `100000\r\n${' '.repeat(0x100000)}\r\n`), '0\r\n\r\n'] },
      expect: [413, 0],
    },
    { name: 'body cut off', exchange: { pieces: [`POST /api/customers:list HTTP/1.1\r\n${host}${auth}Content-Length: 1000\r\n\r\n{"limit":`], abort: true }, expect: [0] },
    { name: 'headers cut off', exchange: { pieces: [`POST /api/customers:list HTTP/1.1\r\n${host}Autho`], abort: true }, expect: [0] },
    { name: 'request trickled in', exchange: { pieces: ['POST /api/system:info HTTP/1.1\r\n', host, auth, 'Content-Length: 2\r\nConnection: close\r\n\r\n', '{', '}'], pauseMs: 400 }, expect: [200] },
    { name: 'slow headers, then gone', exchange: { pieces: ['GET / HTTP/1.1\r\n', host, 'X-A: 1\r\n'], pauseMs: 500, abort: true }, expect: [0] },
  ];
  for (let i = 0; i < garbage; i++) {
    const bytes = Buffer.from(Array.from({ length: r.int(1, 400) }, () => r.int(0, 255)));
    cases.push({ name: `garbage #${i}`, exchange: { pieces: [r.chance(0.5) ? bytes : Buffer.concat([Buffer.from('GET /'), bytes, Buffer.from('\r\n\r\n')])], pauseMs: 0 }, expect: [400, 0], timeoutMs: 2_000 });
  }
  return cases;
}

function stringsOfRequest(c: WebCase): string[] {
  return [c.request.path, ...Object.values(c.request.headers), c.request.body?.toString() ?? ''];
}

function judge(name: string, res: WebResponse, expect: number[], t: WebTarget, echo: string[], op: string | null, payload: unknown): WebProblem[] {
  const out: WebProblem[] = [];
  const say = (detail: string) => out.push({ name, detail: `${detail} (status ${res.status}, body ${safeJson(res.body.slice(0, 300))})` });
  if (res.status >= 500) say('server error');
  if (!expect.includes(res.status)) say(`expected ${expect.join(' or ')}`);
  for (const s of t.secrets) if (res.body.includes(s.marker)) say(`served content of ${s.file}`);
  if (res.status >= 400) {
    const leak = messageLeaks(res.body, echo);
    if (leak) say(leak);
  }
  if (op !== null && res.status === 200) {
    let envelope: unknown;
    try {
      envelope = JSON.parse(res.body);
    } catch {
      return [...out, { name, detail: `not JSON: ${res.body.slice(0, 200)}` }];
    }
    for (const p of checkEnvelope(op, payload, envelope)) say(`${p.kind}: ${p.detail.slice(0, 300)}`);
  }
  return out;
}

/** The operation an API path names, as the host decodes it, or null for any other path. */
function operationOf(p: string): string | null {
  const pathname = new URL(p, 'http://127.0.0.1').pathname;
  if (!pathname.startsWith('/api/') || pathname === '/api/events') return null;
  try {
    return decodeURIComponent(pathname.slice(5));
  } catch {
    return null;
  }
}

export async function runWebHostFuzz(t: WebTarget, cases: readonly WebCase[], raws: readonly RawCase[]): Promise<WebFuzzReport> {
  const started = Date.now();
  const report: WebFuzzReport = { requests: 0, statuses: {}, problems: [], slowestMs: 0, elapsedMs: 0 };
  const tally = (res: WebResponse) => {
    report.requests++;
    report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
    report.slowestMs = Math.max(report.slowestMs, res.ms);
  };
  for (const c of cases) {
    const res = await httpRequest(t.port, c.request);
    tally(res);
    const op = operationOf(c.request.path);
    let payload: unknown = {};
    try {
      payload = c.request.body === undefined || c.request.body.toString().trim() === '' ? {} : JSON.parse(c.request.body.toString());
    } catch {
      payload = {};
    }
    const known = op !== null && (isApiName(op) || op !== '') ? op : null;
    report.problems.push(...judge(c.name, res, c.expect, t, stringsOfRequest(c), known, payload ?? {}));
  }
  for (const c of raws) {
    const res = await rawExchange(t.port, c.exchange, c.timeoutMs);
    tally(res);
    report.problems.push(...judge(c.name, res, c.expect, t, c.exchange.pieces.map((p) => p.toString()), null, {}));
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

/** What the target must never serve: the project's manifest, the system's users, the archive itself. */
export function secretsOf(root: string, dataFile: string): WebTarget['secrets'] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { description: string };
  return [
    { file: path.join(root, 'package.json'), marker: manifest.description },
    { file: '/etc/passwd', marker: 'root:x:0:0' },
    { file: dataFile, marker: 'SQLite format 3' },
  ];
}
