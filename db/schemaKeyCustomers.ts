// Table types of the key-customer programme (migration 0032), apart from schema.ts to keep it under the line limit.
import type { SoftDeleted } from './schema.ts';

/** Migration 0032: a manual key-customer decision (included 1 added, 0 removed); manager rows (until_on NULL = current); standards. */
export interface KeyCustomerOverridesTable extends SoftDeleted {
  id: string;
  customer_id: string;
  included: number;
  note: string | null;
}

export interface KeyCustomerManagersTable extends SoftDeleted {
  id: string;
  customer_id: string;
  manager_id: string;
  backup_id: string;
  from_on: string;
  until_on: string | null;
  assigned_by: string;
  note: string | null;
}

export interface VisitStandardsTable extends SoftDeleted {
  id: string;
  tier_code: string;
  period: string;
  visits: number;
}
