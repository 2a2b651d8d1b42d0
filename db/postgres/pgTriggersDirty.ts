// The dirty marks (SQLite 0016 lifecycle_dirty, 0026/0030/0031 health_dirty, 0027 risk_outcome_dirty) as PL/pgSQL.
// Each SQLite trigger has a twin of the same name, event, column list and WHEN clause; the bodies are shared
// functions that take the dirty table as their argument ('health_dirty' or 'lifecycle_dirty').
//
// SQLite → PostgreSQL: INSERT OR IGNORE → ON CONFLICT DO NOTHING (the only constraint the dirty tables can break is
// their primary key), `a IS NOT b` → `a IS DISTINCT FROM b`, and a WHEN with a subquery (which PostgreSQL does not
// allow in a trigger's WHEN) moves into the function. Row triggers return NULL: an AFTER trigger's result is ignored.
export const DIRTY_TRIGGERS_SQL = `
-- The row's customer_id: NEW's on insert, OLD's on delete, both on update (OLD's only matters when it moved).
CREATE FUNCTION mark_dirty_by_customer_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO health_dirty (customer_id) VALUES (NEW.customer_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.customer_id IS DISTINCT FROM NEW.customer_id) THEN
      INSERT INTO health_dirty (customer_id) VALUES (OLD.customer_id) ON CONFLICT DO NOTHING;
    END IF;
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO lifecycle_dirty (customer_id) VALUES (NEW.customer_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.customer_id IS DISTINCT FROM NEW.customer_id) THEN
      INSERT INTO lifecycle_dirty (customer_id) VALUES (OLD.customer_id) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END
$fn$;

-- A customers row marks itself (inserted, or its deleted_at changed).
CREATE FUNCTION mark_dirty_customer_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    INSERT INTO health_dirty (customer_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO lifecycle_dirty (customer_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;

-- A row that hangs off a contract marks the contract's customer (on update, the old contract's customer as well).
CREATE FUNCTION mark_dirty_by_contract_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  new_contract text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.contract_id END;
  old_contract text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.contract_id END;
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    INSERT INTO health_dirty (customer_id) SELECT customer_id FROM contracts WHERE id IN (new_contract, old_contract)
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO lifecycle_dirty (customer_id) SELECT customer_id FROM contracts WHERE id IN (new_contract, old_contract)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER health_dirty_competitor_insert AFTER INSERT ON competitor_events
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_competitor_delete AFTER DELETE ON competitor_events
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_competitor_update AFTER UPDATE ON competitor_events FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.on_date IS DISTINCT FROM NEW.on_date
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_complaint_insert AFTER INSERT ON complaints
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_complaint_delete AFTER DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_complaint_update AFTER UPDATE ON complaints FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.step IS DISTINCT FROM NEW.step
        OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_contact_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_contact_delete AFTER DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_contact_update AFTER UPDATE ON contacts FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.phone IS DISTINCT FROM NEW.phone
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_instalment_insert AFTER INSERT ON contract_instalments
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_contract_id('health_dirty');
CREATE TRIGGER health_dirty_instalment_delete AFTER DELETE ON contract_instalments
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_contract_id('health_dirty');
CREATE TRIGGER health_dirty_instalment_update AFTER UPDATE ON contract_instalments FOR EACH ROW
  WHEN (OLD.contract_id IS DISTINCT FROM NEW.contract_id OR OLD.due_on IS DISTINCT FROM NEW.due_on
        OR OLD.due_amount_fen IS DISTINCT FROM NEW.due_amount_fen OR OLD.paid_amount_fen IS DISTINCT FROM NEW.paid_amount_fen
        OR OLD.paid_on IS DISTINCT FROM NEW.paid_on OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_contract_id('health_dirty');

-- Contracts: no insert twin for health (SQLite has none either; a new contract reaches health through lifecycle).
CREATE TRIGGER health_dirty_contract_delete AFTER DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_contract_update AFTER UPDATE ON contracts FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_customer_insert AFTER INSERT ON customers
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_customer_row('health_dirty');
CREATE TRIGGER health_dirty_customer_update AFTER UPDATE ON customers FOR EACH ROW
  WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_customer_row('health_dirty');

CREATE TRIGGER health_dirty_follow_up_insert AFTER INSERT ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_follow_up_delete AFTER DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_follow_up_update AFTER UPDATE ON follow_ups FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.at IS DISTINCT FROM NEW.at
        OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_survey_insert AFTER INSERT ON surveys
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_survey_delete AFTER DELETE ON surveys
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_survey_update AFTER UPDATE ON surveys FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.on_date IS DISTINCT FROM NEW.on_date
        OR OLD.scores IS DISTINCT FROM NEW.scores OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER health_dirty_usage_insert AFTER INSERT ON usage_figures
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_usage_delete AFTER DELETE ON usage_figures
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');
CREATE TRIGGER health_dirty_usage_update AFTER UPDATE ON usage_figures FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.period_kind IS DISTINCT FROM NEW.period_kind
        OR OLD.period_start IS DISTINCT FROM NEW.period_start OR OLD.value IS DISTINCT FROM NEW.value
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('health_dirty');

CREATE TRIGGER lifecycle_dirty_contract_insert AFTER INSERT ON contracts
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_contract_delete AFTER DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_contract_update AFTER UPDATE ON contracts FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.ends_on IS DISTINCT FROM NEW.ends_on
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.amount_fen IS DISTINCT FROM NEW.amount_fen
        OR OLD.signed_on IS DISTINCT FROM NEW.signed_on OR OLD.starts_on IS DISTINCT FROM NEW.starts_on
        OR OLD.renewal_of IS DISTINCT FROM NEW.renewal_of OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');

CREATE TRIGGER lifecycle_dirty_customer_insert AFTER INSERT ON customers
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_customer_row('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_customer_update AFTER UPDATE ON customers FOR EACH ROW
  WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_customer_row('lifecycle_dirty');

CREATE TRIGGER lifecycle_dirty_follow_up_insert AFTER INSERT ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_follow_up_delete AFTER DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_follow_up_update AFTER UPDATE ON follow_ups FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.at IS DISTINCT FROM NEW.at
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_customer_id('lifecycle_dirty');

CREATE TRIGGER lifecycle_dirty_renewal_insert AFTER INSERT ON renewals
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_contract_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_renewal_delete AFTER DELETE ON renewals
  FOR EACH ROW EXECUTE FUNCTION mark_dirty_by_contract_id('lifecycle_dirty');
CREATE TRIGGER lifecycle_dirty_renewal_update AFTER UPDATE ON renewals FOR EACH ROW
  WHEN (OLD.contract_id IS DISTINCT FROM NEW.contract_id OR OLD.stage IS DISTINCT FROM NEW.stage
        OR OLD.outcome_on IS DISTINCT FROM NEW.outcome_on OR OLD.lost_reason IS DISTINCT FROM NEW.lost_reason
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION mark_dirty_by_contract_id('lifecycle_dirty');

-- A report term written or removed for a contract with a live risk warning: the warning's outcome is re-read.
-- (SQLite's WHEN EXISTS (…) is a subquery, so it is the function's first test here.)
CREATE FUNCTION mark_risk_outcome_dirty() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  contract text := CASE WHEN TG_OP = 'DELETE' THEN OLD.contract_id ELSE NEW.contract_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM risk_warnings WHERE contract_id = contract AND deleted_at IS NULL) THEN
    INSERT INTO risk_outcome_dirty (contract_id) VALUES (contract) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER risk_outcome_dirty_insert AFTER INSERT ON report_terms FOR EACH ROW EXECUTE FUNCTION mark_risk_outcome_dirty();
CREATE TRIGGER risk_outcome_dirty_delete AFTER DELETE ON report_terms FOR EACH ROW EXECUTE FUNCTION mark_risk_outcome_dirty();
`;
