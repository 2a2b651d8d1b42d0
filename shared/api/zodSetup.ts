import { z } from 'zod';

// Validation messages default to zh-CN wherever a schema gives no message of its own.
z.config(z.locales.zhCN());

export { z };
