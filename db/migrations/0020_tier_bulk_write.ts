import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0020TierBulkWrite: MigrationDefinition = {
  version: 20,
  name: 'tier_bulk_write',
  sql: `
-- Migration 0013's trigger refreshed report_terms for every contract of a customer whose tier, owner or deletion
-- changed, finding them with "customer_id = NEW.id" alone: contracts_customer is partial (live contracts), so
-- each customer write scanned the whole contracts table (about 15 ms on 150k contracts; the first tier
-- classification of a 100k archive, 57k moves, ran for minutes). Deleted contracts have no report_terms row (their
-- own trigger removed it), so asking for live ones is the same set, found through the index.
DROP TRIGGER report_terms_customer_update;
CREATE TRIGGER report_terms_customer_update AFTER UPDATE ON customers
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT INTO report_terms_refresh SELECT id FROM contracts WHERE customer_id = NEW.id AND deleted_at IS NULL;
END;
-- A tier alone changes one column of the rows the customer's terms already have: set it, instead of
-- recomputing each row with its renewal and successor lookups (tier classification moves thousands at once).
CREATE TRIGGER report_terms_customer_tier AFTER UPDATE OF tier ON customers
WHEN OLD.tier IS NOT NEW.tier AND OLD.owner_id IS NEW.owner_id AND OLD.deleted_at IS NEW.deleted_at
BEGIN
  UPDATE report_terms SET tier = NEW.tier
  WHERE contract_id IN (SELECT id FROM contracts WHERE customer_id = NEW.id AND deleted_at IS NULL);
END;
`,
};
