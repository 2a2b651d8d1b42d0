import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0013ReportTerms: MigrationDefinition = {
  version: 13,
  name: 'report_terms',
  sql: `
-- What the renewal report and the home dashboard read of each term, one row per live, not terminated contract
-- with an end date, kept by triggers on every write to contracts, renewals and customers (the bulk import and
-- undo included). Reading it needs no join and no successor lookup: the dashboard went from ~220 ms to a few
-- ms on 150k contracts. The definitions are those of db/repositories/reports/renewalTallies.ts:
-- - due: cycle not 'once' (an unknown cycle counts);
-- - outcome: the live renewal record's stage 'renewed' or 'lost', else 'renewed' when the status says a
--   successor exists, else 'pending';
-- - open: status 'active' and undecided (current or overdue, no decision); history: 'expired' and undecided;
-- - net_fen: for a renewed term of known amount, the renewal amount (the record's, else the earliest live
--   successor's) minus its own; NULL when either is unknown.
-- A change to them is a new migration that replaces the refresh trigger and refills the table.
CREATE TABLE report_terms (
  contract_id TEXT PRIMARY KEY NOT NULL,
  ends_on TEXT NOT NULL,
  owner_key TEXT NOT NULL,
  tier TEXT NOT NULL,
  cycle_key TEXT NOT NULL,
  signed_year TEXT NOT NULL,
  due INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  open INTEGER NOT NULL,
  history INTEGER NOT NULL,
  amount_fen INTEGER,
  net_fen INTEGER
) WITHOUT ROWID;
CREATE INDEX report_terms_due ON report_terms(ends_on, outcome, amount_fen, net_fen, owner_key, tier, cycle_key, signed_year)
  WHERE due = 1;
CREATE INDEX report_terms_open ON report_terms(ends_on, amount_fen, owner_key) WHERE open = 1;
CREATE INDEX report_terms_history ON report_terms(amount_fen) WHERE history = 1;

-- Inserting a contract id here recomputes its row: the one definition every trigger below uses.
CREATE VIEW report_terms_refresh(contract_id) AS SELECT contract_id FROM report_terms WHERE 0;
CREATE TRIGGER report_terms_refresh INSTEAD OF INSERT ON report_terms_refresh BEGIN
  DELETE FROM report_terms WHERE contract_id = NEW.contract_id;
  INSERT INTO report_terms (contract_id, ends_on, owner_key, tier, cycle_key, signed_year, due, outcome, open, history, amount_fen, net_fen)
  SELECT t.id, t.ends_on, t.owner_key, t.tier, t.cycle_key, t.signed_year, t.due, t.outcome,
         t.status = 'active' AND t.undecided, t.status = 'expired' AND t.undecided, t.amount_fen,
         CASE WHEN t.outcome = 'renewed' AND t.amount_fen IS NOT NULL THEN
           coalesce(t.outcome_amount_fen, (SELECT s.amount_fen FROM contracts s
             WHERE s.renewal_of = t.id AND s.deleted_at IS NULL
             ORDER BY coalesce(s.starts_on, s.signed_on, s.ends_on), s.id LIMIT 1)) - t.amount_fen END
  FROM (
    SELECT k.id, k.ends_on, k.status, k.amount_fen, r.outcome_amount_fen,
           coalesce(k.owner_id, c.owner_id, 'none') AS owner_key, c.tier, coalesce(k.cycle, 'unset') AS cycle_key,
           coalesce(substr(coalesce(k.signed_on, k.starts_on), 1, 4), '') AS signed_year,
           (k.cycle IS NULL OR k.cycle <> 'once') AS due,
           CASE WHEN r.stage = 'renewed' THEN 'renewed' WHEN r.stage = 'lost' THEN 'lost'
                WHEN k.status = 'renewed' THEN 'renewed' ELSE 'pending' END AS outcome,
           (r.stage IS NULL OR r.stage NOT IN ('renewed', 'lost')) AS undecided
    FROM contracts k
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE k.id = NEW.contract_id AND k.deleted_at IS NULL AND c.deleted_at IS NULL
      AND k.ends_on IS NOT NULL AND k.status <> 'terminated'
  ) t;
END;

-- A term's row, and its predecessor's (whose net change reads the earliest successor).
CREATE TRIGGER report_terms_contract_insert AFTER INSERT ON contracts BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.id;
  INSERT INTO report_terms_refresh SELECT NEW.renewal_of WHERE NEW.renewal_of IS NOT NULL;
END;
CREATE TRIGGER report_terms_contract_update AFTER UPDATE ON contracts
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.ends_on IS NOT NEW.ends_on OR OLD.status IS NOT NEW.status
  OR OLD.cycle IS NOT NEW.cycle OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.owner_id IS NOT NEW.owner_id
  OR OLD.signed_on IS NOT NEW.signed_on OR OLD.starts_on IS NOT NEW.starts_on OR OLD.renewal_of IS NOT NEW.renewal_of
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.id IS NOT NEW.id
BEGIN
  DELETE FROM report_terms WHERE contract_id = OLD.id AND OLD.id IS NOT NEW.id;
  INSERT INTO report_terms_refresh SELECT NEW.id;
  INSERT INTO report_terms_refresh SELECT OLD.renewal_of WHERE OLD.renewal_of IS NOT NULL;
  INSERT INTO report_terms_refresh SELECT NEW.renewal_of WHERE NEW.renewal_of IS NOT NULL AND NEW.renewal_of IS NOT OLD.renewal_of;
END;
CREATE TRIGGER report_terms_contract_delete AFTER DELETE ON contracts BEGIN
  DELETE FROM report_terms WHERE contract_id = OLD.id;
  INSERT INTO report_terms_refresh SELECT OLD.renewal_of WHERE OLD.renewal_of IS NOT NULL;
END;

-- The renewal record decides the outcome and may carry the renewal amount.
CREATE TRIGGER report_terms_renewal_insert AFTER INSERT ON renewals BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.contract_id;
END;
CREATE TRIGGER report_terms_renewal_update AFTER UPDATE ON renewals
WHEN OLD.contract_id IS NOT NEW.contract_id OR OLD.stage IS NOT NEW.stage
  OR OLD.outcome_amount_fen IS NOT NEW.outcome_amount_fen OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.contract_id;
  INSERT INTO report_terms_refresh SELECT OLD.contract_id WHERE OLD.contract_id IS NOT NEW.contract_id;
END;
CREATE TRIGGER report_terms_renewal_delete AFTER DELETE ON renewals BEGIN
  INSERT INTO report_terms_refresh SELECT OLD.contract_id;
END;

-- The customer gives the owner when the term has none, the tier, and whether its terms count at all.
CREATE TRIGGER report_terms_customer_update AFTER UPDATE ON customers
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.tier IS NOT NEW.tier OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT INTO report_terms_refresh SELECT id FROM contracts WHERE customer_id = NEW.id;
END;

INSERT INTO report_terms_refresh SELECT id FROM contracts;

-- Migration 0012's covering indexes for the reports over the source tables: report_terms answers those now, and
-- every import paid for them. contracts_report_open (the renewal list's overdue terms) and
-- contracts_report_successor (the refresh above, the terms page) stay.
DROP INDEX contracts_report_due;
DROP INDEX customers_report;
DROP INDEX renewals_report;
`,
};
