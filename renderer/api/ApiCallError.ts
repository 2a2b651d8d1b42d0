import type { AppErrorData, ErrorCode } from '../../shared/api/appError.ts';

/** An `ok:false` envelope turned into a throwable, so TanStack Query sees a failure with the field to blame. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiCallError';
    this.code = data.code;
    this.field = data.field;
  }
}

export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
