import type { AppErrorData, ErrorCode } from '../../shared/api/appError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { msg, renderMessage, type Message } from '../../shared/i18n/message.ts';

/** An `ok:false` envelope turned into a throwable, so TanStack Query sees a failure with the field to blame. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  /** The catalogue message, worded by the UI in its own language. */
  readonly detail: Message;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiCallError';
    this.code = data.code;
    this.field = data.field;
    this.detail = msg(data.key, data.params);
  }
}

/** What to show for a failure: an API error in the UI's language, anything else as it says. */
export function errorMessageOf(error: unknown, t: Translate): string {
  if (error instanceof ApiCallError) return renderMessage(t, error.detail);
  if (error instanceof Error) return error.message;
  return String(error);
}
