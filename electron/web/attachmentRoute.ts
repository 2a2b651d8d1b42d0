import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiContract } from '../../shared/api/apiContract.ts';
import type { Backend } from '../services/backend/backend.ts';

/** The preview route's path: `/files/attachments/<id>[?ticket=…]`, behind the same token as the API (webHost.ts). */
export const ATTACHMENT_ROUTE = /^\/files\/attachments\/([^/]+)$/;

/**
 * A contract's attachment for the browser's own viewer (a PDF or a photo, sniffed when it was added, so never a
 * page): its type, inline, with a policy that lets nothing in it run or load, and never cached.
 */
export async function serveAttachment(
  res: ServerResponse,
  req: IncomingMessage,
  backend: Backend,
  id: string,
  headers: Record<string, string>,
  session: string | null = null,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...headers });
    res.end();
    return;
  }
  const read = await backend.call('contracts:attachmentsRead', { id }, session);
  if (!read.ok) {
    // No live session on a team archive: 401, as the event stream; another owner's or a missing file: 403 or 404.
    const key: string = read.error.key;
    const status = key === 'accounts.signInRequired' || key === 'accounts.sessionExpired' ? 401 : read.error.code === 'FORBIDDEN' ? 403 : 404;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(read.error.message);
    return;
  }
  const attachment = apiContract['contracts:attachmentsRead'].output.parse(read.data);
  const bytes = Buffer.from(attachment.contentBase64, 'base64');
  res.writeHead(200, {
    ...headers,
    'Content-Type': attachment.mime,
    'Content-Length': String(bytes.length),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'",
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
