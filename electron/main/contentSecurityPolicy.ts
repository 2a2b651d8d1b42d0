// The renderer is a static bundle: scripts only from the app itself, never inline or eval'd. antd injects its
// CSS-in-JS as <style> elements, hence 'unsafe-inline' for styles only. No plugins, no framing, no forms that
// post anywhere, and no <base> that could re-point relative URLs.
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
