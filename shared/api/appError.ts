// Errors cross every boundary (IPC, HTTP, CLI) as plain data: { code, field, message } with a zh-CN message.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'DUPLICATE',
  'CONFLICT',
  'UNDO_CONFLICT',
  'UNKNOWN_OPERATION',
  'FORBIDDEN',
  'DB_NEWER',
  'DB_CORRUPT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  field: string | null;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  toData(): AppErrorData {
    return { code: this.code, field: this.field, message: this.message };
  }
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };
