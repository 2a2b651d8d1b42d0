import { isoInstant } from '../../shared/api/fields.ts';

// `remind --now` names an instant. Without an offset it would mean a different instant in every zone, so it
// is refused as a usage error (exit 2) before anything opens the database.
export function remindUsageProblem(input: Record<string, unknown>): string | null {
  const now = input['now'];
  if (now === undefined) return null;
  if (typeof now !== 'string' || !isoInstant.safeParse(now).success) {
    return `--now 需要带时区偏移的 ISO-8601 时间，例如 2026-12-01T09:00:00+08:00（收到「${String(now)}」）`;
  }
  return null;
}
