import * as z from 'zod';

// No code generation: the renderer's CSP forbids eval, and zod would otherwise probe `new Function`.
z.config({ jitless: true });

// Contracts import this module as a namespace (`import * as z`): a bundler then keeps only the parts of zod
// they use, where re-exporting zod's `z` object would keep every one of zod's locales.
export * from 'zod';
