// Requests for the web host fuzz, each with the statuses the host may answer: the fixed hostile ones (oversized
// and non-JSON bodies, wrong methods, missing and wrong tokens in header, cookie and query, foreign Host and
// Origin, traversal, malformed escapes, unknown operations) and seeded random mixes of them, judged by `expect`,
// which restates the host's documented rules (DESIGN.md, Interfaces: web host).
import { API_NAMES } from '../../shared/api/apiContract.ts';
import { seededRandom, type Random } from '../import/seededRandom.ts';
import { HOSTILE_STRINGS } from './hostileValues.ts';
import type { WebRequest } from './webHostClient.ts';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface HostFacts {
  port: number;
  token: string;
}

export interface WebCase {
  name: string;
  request: WebRequest;
  /** Statuses a correct host may answer. */
  expect: number[];
}

const badEscape = (s: string) => {
  try {
    decodeURIComponent(s);
    return false;
  } catch {
    return true;
  }
};

function cookieToken(cookie: string | undefined): { present: boolean; value: string | null } {
  for (const part of (cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'rd_token') {
      const raw = v.join('=');
      return { present: true, value: badEscape(raw) ? null : decodeURIComponent(raw) };
    }
  }
  return { present: false, value: null };
}

function jsonOrBlank(body: string | Buffer | undefined): boolean {
  const text = body === undefined ? '' : body.toString();
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The statuses the host's rules allow for a request that HTTP itself accepts. */
export function expectedStatuses(r: WebRequest, h: HostFacts): number[] {
  const allowed = [`127.0.0.1:${h.port}`, `localhost:${h.port}`];
  const host = r.headers['Host'];
  const origin = r.headers['Origin'];
  const foreign = !host || !allowed.includes(host.toLowerCase()) || (origin !== undefined && !allowed.map((a) => `http://${a}`).includes(origin.toLowerCase()));
  const url = new URL(r.path, 'http://127.0.0.1');
  // HTTP/1.1 requires a Host: Node's parser may refuse the request before the host sees it.
  if (!host) return [400, 403];
  // Which check comes first, the Host or the escape, is the host's business: both answers refuse.
  if (foreign) return badEscape(url.pathname) ? [400, 403] : [403];
  if (badEscape(url.pathname)) return [400];
  if (r.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) return url.searchParams.get('token') === h.token ? [302] : [401];
  const auth = r.headers['Authorization'];
  const bearer = auth?.startsWith('Bearer ') === true && auth.slice(7).trim() === h.token;
  const cookie = cookieToken(r.headers['Cookie']);
  if (!bearer && cookie.present && cookie.value === null) return [400];
  if (!bearer && cookie.value !== h.token) return [401];
  if (url.pathname === '/api/events') return r.method === 'GET' ? [200] : [405];
  if (url.pathname.startsWith('/api/')) {
    if (r.method !== 'POST') return [405];
    if (r.body !== undefined && Buffer.byteLength(r.body) > MAX_BODY_BYTES) return [413];
    return jsonOrBlank(r.body) ? [200] : [400];
  }
  if (r.method !== 'GET' && r.method !== 'HEAD') return [405];
  return [200, 404];
}

/** Paths that try to leave the renderer's folder; none may serve a file outside it. */
export function traversalPaths(dataFile: string): string[] {
  const db = dataFile.replace(/^\//, '');
  return [
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/....//....//etc/passwd',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    `/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/${encodeURIComponent(db)}`,
    `/${'%2e%2e/'.repeat(12)}etc/passwd`,
    '/%00',
    '/index.html%00.txt',
    '/.%2e/package.json',
    '/%252e%252e/package.json',
    '/..;/package.json',
    `/${'a/'.repeat(2000)}`,
    '/%c0%ae%c0%ae/package.json',
  ];
}

const BODIES = ['null', '[]', '"text"', '123', 'true', '', '   ', '{', '{"a":', 'NaN', '\ufeff{}', '{"__proto__":{"fuzzPolluted":true}}', '{"limit":1e309}', '{"search":"\\u0000"}'];

export function fixedCases(h: HostFacts, dataFile: string): WebCase[] {
  const host = `127.0.0.1:${h.port}`;
  const bearer = { Host: host, Authorization: `Bearer ${h.token}` };
  const json = { ...bearer, 'Content-Type': 'application/json' };
  const cookie = { Host: host, Cookie: `rd_token=${encodeURIComponent(h.token)}` };
  const cases: Omit<WebCase, 'expect'>[] = [
    { name: 'no token', request: { method: 'POST', path: '/api/system:info', headers: { Host: host }, body: '{}' } },
    { name: 'wrong bearer', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Authorization: 'Bearer wrong' }, body: '{}' } },
    { name: 'empty bearer', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Authorization: 'Bearer ' }, body: '{}' } },
    { name: 'token one short', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Authorization: `Bearer ${h.token.slice(0, -1)}` }, body: '{}' } },
    { name: 'token one long', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Authorization: `Bearer ${h.token}x` }, body: '{}' } },
    { name: 'basic auth', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Authorization: `Basic ${Buffer.from(`x:${h.token}`).toString('base64')}` }, body: '{}' } },
    { name: 'wrong cookie', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Cookie: 'rd_token=wrong' }, body: '{}' } },
    { name: 'cookie escape', request: { method: 'POST', path: '/api/system:info', headers: { Host: host, Cookie: 'rd_token=%zz' }, body: '{}' } },
    { name: 'good cookie', request: { method: 'POST', path: '/api/system:info', headers: cookie, body: '{}' } },
    { name: 'token in the query of an API call', request: { method: 'POST', path: `/api/system:info?token=${h.token}`, headers: { Host: host }, body: '{}' } },
    { name: 'login with the token', request: { method: 'GET', path: `/?token=${encodeURIComponent(h.token)}`, headers: { Host: host } } },
    { name: 'login with a wrong token', request: { method: 'GET', path: '/?token=wrong', headers: { Host: host } } },
    { name: 'login with no token', request: { method: 'GET', path: '/?token=', headers: { Host: host } } },
    { name: 'page without a token', request: { method: 'GET', path: '/', headers: { Host: host } } },
    { name: 'foreign host', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Host: 'evil.example' }, body: '{}' } },
    { name: 'other port', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Host: `127.0.0.1:${h.port + 1}` }, body: '{}' } },
    { name: 'rebinding name', request: { method: 'GET', path: `/?token=${h.token}`, headers: { Host: `localhost.evil.example:${h.port}` } } },
    { name: 'localhost upper case', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Host: `LOCALHOST:${h.port}` }, body: '{}' } },
    { name: 'foreign origin', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' } },
    { name: 'null origin', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Origin: 'null' }, body: '{}' } },
    { name: 'https origin', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Origin: `https://${host}` }, body: '{}' } },
    { name: 'own origin', request: { method: 'POST', path: '/api/system:info', headers: { ...json, Origin: `http://${host}` }, body: '{}' } },
    ...['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'].map((method) => ({ name: `${method} on the API`, request: { method, path: '/api/system:info', headers: bearer } })),
    { name: 'POST to the events', request: { method: 'POST', path: '/api/events', headers: bearer, body: '{}' } },
    { name: 'events stream', request: { method: 'GET', path: '/api/events', headers: bearer } },
    { name: 'PUT a page', request: { method: 'PUT', path: '/index.html', headers: cookie, body: 'x' } },
    ...BODIES.map((body) => ({ name: `body ${JSON.stringify(body)}`, request: { method: 'POST', path: '/api/customers:list', headers: json, body } })),
    { name: 'invalid UTF-8 body', request: { method: 'POST', path: '/api/customers:list', headers: json, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) } },
    { name: 'deeply nested body', request: { method: 'POST', path: '/api/customers:list', headers: json, body: `${'['.repeat(200_000)}${']'.repeat(200_000)}` } },
    { name: 'body at the limit', request: { method: 'POST', path: '/api/customers:list', headers: json, body: `"${'a'.repeat(MAX_BODY_BYTES - 2)}"` } },
    { name: 'body over the limit', request: { method: 'POST', path: '/api/customers:list', headers: json, body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20) } },
    ...['/%zz', '/%', '/api/%E0%A4%A', '/api/customers%3', '/%ff%fe'].flatMap((path) => [
      { name: `escape ${path}`, request: { method: 'GET', path, headers: { Host: host } } },
      { name: `escape ${path} with a token`, request: { method: 'POST', path, headers: json, body: '{}' } },
    ]),
    ...['/api/nope', '/api/', '/api/__proto__', '/api/constructor', '/api/toString', '/api/customers:list/x', '/api/%2e%2e%2fsystem:info', '/api/system%3Ainfo', `/api/${'x'.repeat(5000)}`, '/api/import:file'].map((path) => ({
      name: `operation ${path.slice(0, 40)}`,
      request: { method: 'POST', path, headers: json, body: '{}' },
    })),
  ];
  // Nothing outside the renderer's folder may be served: not found, or refused as unreadable.
  const traversal = traversalPaths(dataFile).map((path) => ({ name: `traversal ${path.slice(0, 60)}`, request: { method: 'GET', path, headers: cookie }, expect: [400, 404] }));
  return [...cases.map((c) => ({ ...c, expect: expectedStatuses(c.request, h) })), ...traversal];
}

function randomBody(r: Random): string {
  return r.pick([
    '{}',
    '',
    JSON.stringify({ search: r.pick(HOSTILE_STRINGS), limit: r.int(-5, 600), offset: r.pick([0, -1, 1e9]) }),
    JSON.stringify({ id: r.pick(HOSTILE_STRINGS), name: r.pick(HOSTILE_STRINGS) }),
    r.pick(BODIES),
    Buffer.from(Array.from({ length: r.int(1, 64) }, () => r.int(0, 255))).toString('latin1'),
  ]);
}

/** `n` requests mixing the parts above at random, judged by the same rules. */
export function randomCases(h: HostFacts, dataFile: string, seed: number, n: number): WebCase[] {
  const r = seededRandom(seed);
  const host = `127.0.0.1:${h.port}`;
  // mail:setSettings and mail:sendTest would reach out to the server a payload names (see NETWORK_OPS in handlerFuzz.ts).
  const ops = API_NAMES.filter((name) => !/^(system:(restore|demo|backup)|import:|export:|mail:(setSettings|sendTest))/.test(name));
  const paths = () => r.pick([`/api/${r.pick(ops)}`, `/api/${r.pick(ops)}`, '/', '/index.html', '/api/events', `/?token=${r.pick([h.token, 'x', ''])}`, r.pick(traversalPaths(dataFile)), r.pick(['/%zz', '/api/%', '/api/nope'])]);
  const out: WebCase[] = [];
  for (let i = 0; i < n; i++) {
    const headers: Record<string, string> = {};
    const hostRoll = r.next();
    if (hostRoll < 0.8) headers['Host'] = r.pick([host, `localhost:${h.port}`]);
    else if (hostRoll < 0.95) headers['Host'] = r.pick(['evil.example', `127.0.0.1:${h.port + 1}`, `${host}.evil.example`, '']);
    if (r.chance(0.2)) headers['Origin'] = r.pick([`http://${host}`, 'http://evil.example', 'null', `https://${host}`]);
    const auth = r.int(0, 5);
    if (auth === 1) headers['Authorization'] = `Bearer ${h.token}`;
    if (auth === 2) headers['Authorization'] = `Bearer ${r.pick(['x', h.token.toUpperCase(), `${h.token} `, ''])}`;
    if (auth === 3) headers['Cookie'] = `a=b; rd_token=${encodeURIComponent(h.token)}`;
    if (auth === 4) headers['Cookie'] = `rd_token=${r.pick(['x', '%zz', '%', '', `${h.token}%`])}`;
    const method = r.pick(['GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD', 'DELETE']);
    const body = method === 'POST' || method === 'PUT' ? randomBody(r) : undefined;
    if (body !== undefined) headers['Content-Type'] = r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']);
    if (headers['Host'] === '') delete headers['Host'];
    const request: WebRequest = { method, path: paths(), headers, ...(body !== undefined ? { body } : {}) };
    out.push({ name: `random #${i}`, request, expect: expectedStatuses(request, h) });
  }
  return out;
}
