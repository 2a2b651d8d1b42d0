import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy.ts';
import type { SessionLike } from './electronApi.ts';

/**
 * Session-wide defences. The CSP header goes on every response: the app loads nothing but its own files, so a
 * stricter policy on anything else can only help. No web permission (camera, geolocation, notifications from
 * the page…) is ever needed: native notifications come from the main process.
 */
export function hardenSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
