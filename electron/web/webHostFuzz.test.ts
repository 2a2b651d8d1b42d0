// Fuzzes the real web host process, black box (issue: fuzz suites in CI with fixed seeds): `node scripts/web.mjs`
// on a fresh data file, then oversized and non-JSON bodies, wrong methods, missing and wrong tokens in header,
// cookie and query, foreign Host and Origin, traversal, malformed escapes, unknown operations, huge headers,
// smuggling, slow and aborted requests, random mixes of all of them. Every answer has an allowed status, never a
// 5xx, no stack or SQL, no byte from outside the renderer's folder; the host stays up, logs no error, and
// answers a good request afterwards. `npm run fuzz` sends more (FUZZ_SCALE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzScale, fuzzSeed, scaled } from '../../test-support/fuzz/fuzzScale.ts';
import { startPlantedWebHost, WEB_FLAWS, type WebFlaw } from '../../test-support/fuzz/plantedWebHost.ts';
import { fixedCases, randomCases } from '../../test-support/fuzz/webHostCases.ts';
import { httpRequest } from '../../test-support/fuzz/webHostClient.ts';
import { rawCases, runWebHostFuzz, secretsOf } from '../../test-support/fuzz/webHostFuzz.ts';
import { spawnWebHost, type WebHostChild } from '../../test-support/webHostChild.ts';

const SEED = fuzzSeed(8080);
const RANDOM = scaled(300);
const GARBAGE = scaled(20);

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('web host fuzz', () => {
  let host: WebHostChild;
  let dir: string;
  let dataFile: string;
  const alive = () => host.child.exitCode === null && host.child.signalCode === null;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-web-fuzz-'));
    dataFile = path.join(dir, 'renewal-desk.db');
    host = await spawnWebHost({ db: dataFile, args: ['--no-build'] });
  }, 120_000);
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`answers hostile and random requests by the rules and stays up (seed ${SEED})`, async () => {
    const facts = { port: host.port, token: host.token };
    const cases = [...fixedCases(facts, dataFile), ...randomCases(facts, dataFile, SEED, RANDOM)];
    const report = await runWebHostFuzz({ ...facts, secrets: secretsOf(ROOT, dataFile) }, cases, rawCases(facts, SEED, GARBAGE));
    console.log(
      `[fuzz] web host: seed ${SEED}, ${report.requests} requests (statuses ${JSON.stringify(report.statuses)}), ${report.problems.length} problems, ` +
        `${alive() ? 0 : 1} crashes, slowest ${report.slowestMs} ms, ${report.elapsedMs} ms`,
    );
    expect(report.problems.map((p) => `${p.name}: ${p.detail}`)).toEqual([]);
    expect(alive()).toBe(true);
    const after = await httpRequest(host.port, { method: 'POST', path: '/api/system:info', headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toMatchObject({ ok: true, data: { integrity: 'ok' } });
    expect(host.output()).not.toMatch(/\berror\b|Error:|\n\s+at /);
  }, 600_000 * fuzzScale());
});

// Each rule the fuzz holds the host to, seen failing on a stand-in host that breaks just that rule.
describe('the web host fuzz catches planted flaws', () => {
  const token = 'planted-token';
  const root = ROOT;
  const expected: Record<WebFlaw, RegExp> = {
    'no-token-check': /expected 401/,
    'no-host-check': /expected 403/,
    'no-method-check': /expected 405/,
    'no-body-limit': /expected 413/,
    traversal: /served content of .*package\.json/,
    stack: /server error|stack-in-message/,
    'not-envelope': /not-envelope|unknown-code/,
  };
  it.each(WEB_FLAWS)('%s', async (flaw) => {
    const planted = await startPlantedWebHost(flaw, token, root);
    try {
      const facts = { port: planted.port, token };
      // The 20 MB bodies only matter to the body limit; the other flaws show without them.
      const cases = fixedCases(facts, '/nonexistent.db').filter((c) => flaw === 'no-body-limit' || !/limit|nested/.test(c.name));
      const report = await runWebHostFuzz({ ...facts, secrets: secretsOf(root, '/nonexistent.db') }, cases, []);
      expect(report.problems.map((p) => `${p.name}: ${p.detail}`).join('\n')).toMatch(expected[flaw]);
    } finally {
      await planted.close();
    }
  }, 120_000);
});
