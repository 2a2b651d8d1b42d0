import { isoInstant } from '../../shared/api/fields.ts';
import { msg, type Message } from '../../shared/i18n/message.ts';

// `remind --now` names an instant. Without an offset it would mean a different instant in every zone, so it
// is refused as a usage error (exit 2) before anything opens the database.
export function remindUsageProblem(input: Record<string, unknown>): Message | null {
  const now = input['now'];
  if (now === undefined) return null;
  if (typeof now !== 'string' || !isoInstant.safeParse(now).success) {
    return msg('cli.nowNeedsOffset', { value: String(now) });
  }
  return null;
}
