// One policy for the Electron window and the web host. antd injects its CSS-in-JS as <style> elements at run
// time (@ant-design/cssinjs), hence 'unsafe-inline' for styles only: without it Chromium blocked them (16
// style-src-elem violations on the built page). Scripts are never inline and never eval'd.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
