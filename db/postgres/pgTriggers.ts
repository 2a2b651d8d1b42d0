import { DIRTY_TRIGGERS_SQL } from './pgTriggersDirty.ts';
import { REPORT_TERMS_TRIGGERS_SQL } from './pgTriggersReportTerms.ts';
import { SEARCH_TRIGGERS_SQL } from './pgTriggersSearch.ts';

// Every trigger of the SQLite schema at 34, taken from a fresh archive's sqlite_master (so 0013's
// report_terms_customer_update as 0020 replaced it, 0020's tier bulk write, 0023's follow-up lifecycle marks), by
// area. None of them raises (no RAISE(ABORT, …) at 34), so none needs a RAISE EXCEPTION twin.
export const BASELINE_TRIGGERS_SQL = [DIRTY_TRIGGERS_SQL, REPORT_TERMS_TRIGGERS_SQL, SEARCH_TRIGGERS_SQL].join('\n');
