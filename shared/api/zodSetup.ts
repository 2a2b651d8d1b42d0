import { z } from 'zod';

// Validation messages default to zh-CN wherever a schema gives no message of its own.
z.config(z.locales.zhCN());
// No code generation: the renderer's CSP forbids eval, and zod would otherwise probe `new Function`.
z.config({ jitless: true });

export { z };
