import { AppError } from '../../../shared/api/appError.ts';
import type { BackendOpenFailure } from './backendProtocol.ts';

/** Why an archive could not be opened, as data the host words in its own language (DB_CORRUPT, DB_NEWER, …). */
export function openFailure(e: unknown): BackendOpenFailure {
  if (e instanceof AppError) return { code: e.code, detail: e.detail, text: e.message };
  return { code: 'INTERNAL', detail: null, text: e instanceof Error ? e.message : String(e) };
}
