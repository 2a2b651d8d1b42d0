import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0015TierClassification: MigrationDefinition = {
  version: 15,
  name: 'tier_classification',
  sql: `
-- Tiers by rule (electron/services/tiers). A customer's tier is either the rules' result, with the reason they
-- gave, or pinned: set by hand ('manual'), which no classification ever overwrites.
-- tier_reason: JSON {"key": catalogue key, "params": {...}}, rendered in the reader's language; NULL when pinned
-- or not classified yet. The rules themselves live in settings under 'tiers.rules' (defaults when absent).
ALTER TABLE customers ADD COLUMN tier_pinned TEXT CHECK (tier_pinned IS NULL OR tier_pinned IN ('manual', 'import'));
ALTER TABLE customers ADD COLUMN tier_reason TEXT CHECK (tier_reason IS NULL OR json_valid(tier_reason));
`,
};
