import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

/** Every entry's (time, date) from the central directory and from its local header. */
function entryTimes(zip: Buffer): { central: [number, number]; local: [number, number] }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: { central: [number, number]; local: [number, number] }[] = [];
  for (let n = 0; n < entries; n++) {
    const local = zip.readUInt32LE(at + 42);
    out.push({ central: [zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)], local: [zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)] });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

describe('.xlsx exports', () => {
  it('carry one fixed time in every zip entry, so the same rows give the same bytes', async () => {
    await t.call('customers:create', { name: '甲公司', tier: 'vip' });
    const { contentBase64 } = await t.call('export:customers', { format: 'xlsx', headers: 'zh' });
    const zip = Buffer.from(contentBase64, 'base64');
    const times = entryTimes(zip);
    expect(times.length).toBeGreaterThan(5);
    for (const e of times) expect(e).toEqual({ central: [0, 0x21], local: [0, 0x21] });
  });
});
