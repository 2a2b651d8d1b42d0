import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/contentSecurityPolicy.ts';

const rootDir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The built page carries the CSP as a meta tag too, so a file:// load in Electron is covered even where no
// response header can be set. frame-ancestors is ignored in a meta tag (browsers warn), so it is left to headers.
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'renewal-desk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: rootDir('./renderer'),
  // Relative asset URLs, so the same build loads from file:// in Electron and from the loopback web host.
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: rootDir('./dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
