import type { MessageKey } from '../i18n/createTranslator.ts';
import type { Locale } from '../i18n/enumLabels.ts';
import { renderIn, type Message, type MessageParams } from '../i18n/message.ts';

// Errors cross every boundary (IPC, HTTP, CLI) as plain data: the code, the field to blame, the catalogue key
// and its parameters (for a caller that renders in its own language), and the message rendered in the
// archive's language (for one that just prints it).

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
  /** The disk (or the file's size limit) is full: the write was rolled back whole. */
  'DISK_FULL',
  /** Team mode: the PostgreSQL server cannot be reached; nothing was done and nothing was queued. */
  'SERVER_UNREACHABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  field: string | null;
  key: MessageKey;
  params: MessageParams;
  message: string;
}

export function errorData(code: ErrorCode, message: Message, field: string | null, locale: Locale): AppErrorData {
  return { code, field, key: message.key, params: message.params, message: renderIn(locale, message) };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly detail: Message;

  /** `message` stays zh-CN for logs and for code that catches the error itself; callers render `detail`. */
  constructor(code: ErrorCode, detail: Message, field: string | null = null) {
    super(renderIn('zh-CN', detail));
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.detail = detail;
  }

  toData(locale: Locale = 'zh-CN'): AppErrorData {
    return errorData(this.code, this.detail, this.field, locale);
  }
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };
