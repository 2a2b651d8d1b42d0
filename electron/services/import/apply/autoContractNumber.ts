import { createHash } from 'node:crypto';

/**
 * The number a contract without one gets: deterministic, so re-importing the same sheet finds it again, and
 * stored once, so renaming the customer later does not change it.
 */
export function autoContractNumber(customerName: string, endsOn: string): string {
  return `AUTO-${endsOn}-${createHash('sha256').update(customerName.trim(), 'utf8').digest('hex').slice(0, 8)}`;
}
