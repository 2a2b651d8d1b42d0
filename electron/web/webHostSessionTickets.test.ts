import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { spawnWebHost, type WebHostChild } from '../../test-support/webHostChild.ts';

// The two things a browser opens without its session header, through the real web host on a team archive on
// PostgreSQL: the /api/events stream and an attachment's preview tab. Each takes a single-use ticket the page asks
// for with its session; without a live session both are refused with 401 (another owner's file, for a scoped
// 客户经理, with 403), and a logout ends the open stream.

let dir: string;
let database: TestDatabase;
let host: WebHostChild | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-web-tickets-'));
  database = await testDatabaseForFile();
});
afterAll(async () => {
  await host?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET with the host token only (as a browser tab carries its cookie), or a POST /tickets with a session. */
function get(h: WebHostChild, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: h.port, path: urlPath, headers: { Authorization: `Bearer ${h.token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}
async function ticket(h: WebHostChild, session: string | undefined, attachmentId?: string): Promise<{ status: number; ticket?: string }> {
  const r = await fetch(`${h.origin}/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json', ...(session ? { 'X-Renewal-Session': session } : {}) },
    body: JSON.stringify(attachmentId ? { attachmentId } : {}),
  });
  return { status: r.status, ...(r.ok ? ((await r.json()) as { ticket: string }) : {}) };
}

/** Opens the event stream; resolves with its status, and for a 200 with a promise of its end. */
function openStream(h: WebHostChild, urlPath: string): Promise<{ status: number; ended: Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: h.port, path: urlPath, headers: { Authorization: `Bearer ${h.token}` } }, (res) => {
      const ended = new Promise<void>((done) => res.on('end', () => done()).on('close', () => done()));
      res.resume();
      resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('the event stream and the attachment preview on a team archive', () => {
  it('need a ticket bound to a live session, are refused without one, and a logout ends the stream', { timeout: 180_000 }, async () => {
    host = await spawnWebHost({ db: database.url, args: ['--no-build'], env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), RENEWAL_DESK_DB: '', RENEWAL_DESK_SESSION_SWEEP_MS: '300' } });
    const h = host;
    const boss = (await h.call('accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' })).data.token as string;
    const customer = await h.call('customers:create', { name: '杭州云启科技有限公司' }, boss);
    const contract = await h.call('contracts:create', { customerId: customer.data.id, number: 'HT-1', endsOn: '2027-06-30' }, boss);
    const scan = Buffer.from('%PDF-1.7\nscan\n%%EOF\n');
    const upload = await h.call('import:upload', { fileName: '合同.pdf', offset: 0, dataBase64: scan.toString('base64') }, boss);
    const added = await h.call('contracts:attachmentsAdd', { contractId: contract.data.id, uploadId: upload.data.uploadId }, boss);
    expect(added.ok, h.output()).toBe(true);
    const attachmentId = added.data.attachment.id as string;
    const preview = `/files/attachments/${encodeURIComponent(attachmentId)}`;

    // Without a session: no ticket, no stream, no preview.
    expect((await ticket(h, undefined)).status).toBe(401);
    expect((await openStream(h, '/api/events')).status).toBe(401);
    expect((await get(h, preview)).status).toBe(401);
    expect((await get(h, `${preview}?ticket=${'A'.repeat(43)}`)).status).toBe(401);

    // A preview ticket opens its one attachment, once.
    const forPreview = (await ticket(h, boss, attachmentId)).ticket!;
    const shown = await get(h, `${preview}?ticket=${forPreview}`);
    expect(shown).toMatchObject({ status: 200, body: scan.toString('utf8') });
    expect((await get(h, `${preview}?ticket=${forPreview}`)).status).toBe(401);
    // A stream's ticket is no preview's, nor the reverse.
    const streamTicket = (await ticket(h, boss)).ticket!;
    expect((await get(h, `${preview}?ticket=${streamTicket}`)).status).toBe(401);
    const previewTicket = (await ticket(h, boss, attachmentId)).ticket!;
    expect((await openStream(h, `/api/events?ticket=${previewTicket}`)).status).toBe(401);

    // A 客户经理 scoped to another owner's customers: their ticket is good, the file is not theirs (403).
    const owner = await h.call('owners:create', { name: '王芳' }, boss);
    await h.call('accounts:create', { login: 'wang', displayName: '王芳', role: 'manager', ownerId: owner.data.id, password: 'wang-pass-1' }, boss);
    expect((await h.call('accounts:setTeamSettings', { scopeManagersToOwnCustomers: true }, boss)).ok, h.output()).toBe(true);
    const wang = (await h.call('accounts:login', { login: 'wang', password: 'wang-pass-1' })).data.token as string;
    expect((await get(h, `${preview}?ticket=${(await ticket(h, wang, attachmentId)).ticket!}`)).status).toBe(403);

    // The stream with a live session's ticket opens, and the session's logout ends it.
    const stream = await openStream(h, `/api/events?ticket=${(await ticket(h, boss)).ticket!}`);
    expect(stream.status).toBe(200);
    let ended = false;
    void stream.ended.then(() => (ended = true));
    expect((await h.call('accounts:logout', {}, boss)).ok).toBe(true);
    await Promise.race([stream.ended, new Promise((r) => setTimeout(r, 5000))]);
    expect(ended).toBe(true);
    // The ended session gets no new ticket.
    expect((await ticket(h, boss)).status).toBe(401);

    // A session ended elsewhere (here: a password change from another session of the account) loses its stream at
    // the host's next check of its streams' sessions.
    const other = (await h.call('accounts:login', { login: 'wang', password: 'wang-pass-1' })).data.token as string;
    const wangStream = await openStream(h, `/api/events?ticket=${(await ticket(h, wang)).ticket!}`);
    expect(wangStream.status).toBe(200);
    let wangEnded = false;
    void wangStream.ended.then(() => (wangEnded = true));
    expect((await h.call('accounts:changePassword', { currentPassword: 'wang-pass-1', newPassword: 'wang-pass-2' }, other)).ok, h.output()).toBe(true);
    await Promise.race([wangStream.ended, new Promise((r) => setTimeout(r, 5000))]);
    expect(wangEnded).toBe(true);
  });
});
