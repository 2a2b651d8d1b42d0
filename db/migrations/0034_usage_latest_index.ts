import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 13 (bench:risk): the health score reads each customer's latest 4 monthly usage figures in its daily pass
// over everyone. The live-period index (0023) finds them but leaves `value` in the table, so 100k customers cost
// 400k row look-ups (about a third of the three statements' time on the bench archive). This index holds the value
// too, and deleted_at, because SQLite counts an index as covering only when it holds every column the query names,
// the partial index's own condition included; the planner then reads the figures from the index alone. It costs
// one more b-tree entry per usage figure.
export const migration0034UsageLatestIndex: MigrationDefinition = {
  version: 34,
  name: 'usage_latest_index',
  sql: `
CREATE INDEX usage_figures_latest ON usage_figures(customer_id, period_kind, period_start, value, deleted_at) WHERE deleted_at IS NULL;
`,
};
