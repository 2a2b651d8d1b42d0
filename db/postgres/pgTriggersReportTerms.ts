// report_terms upkeep (SQLite 0013, as it stands at 34) as PL/pgSQL: writing a contract id into the view
// report_terms_refresh recomputes that contract's row; the contract, customer and renewal triggers write the ids
// whose row may have changed. Same names, events, column lists and WHEN clauses as SQLite's.
//
// SQLite → PostgreSQL: a comparison SQLite stores as 0/1 in an INTEGER column is a boolean here, cast with ::int;
// `a IS NOT b` → `a IS DISTINCT FROM b`, `a IS b` → `a IS NOT DISTINCT FROM b`. The successor picked for net_fen is
// ordered on COLLATE "C" columns, so both engines pick the same one.
export const REPORT_TERMS_TRIGGERS_SQL = `
CREATE FUNCTION report_terms_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_terms WHERE contract_id = NEW.contract_id;
  INSERT INTO report_terms (contract_id, ends_on, owner_key, tier, cycle_key, signed_year, due, outcome, open, history, amount_fen, net_fen)
  SELECT t.id, t.ends_on, t.owner_key, t.tier, t.cycle_key, t.signed_year, t.due::int, t.outcome,
         (t.status = 'active' AND t.undecided)::int, (t.status = 'expired' AND t.undecided)::int, t.amount_fen,
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
  RETURN NEW;
END
$fn$;
CREATE TRIGGER report_terms_refresh INSTEAD OF INSERT ON report_terms_refresh
  FOR EACH ROW EXECUTE FUNCTION report_terms_refresh();

CREATE FUNCTION report_terms_contract_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.id;
  INSERT INTO report_terms_refresh SELECT NEW.renewal_of WHERE NEW.renewal_of IS NOT NULL;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_contract_insert AFTER INSERT ON contracts
  FOR EACH ROW EXECUTE FUNCTION report_terms_contract_insert();

CREATE FUNCTION report_terms_contract_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_terms WHERE contract_id = OLD.id AND OLD.id IS DISTINCT FROM NEW.id;
  INSERT INTO report_terms_refresh SELECT NEW.id;
  INSERT INTO report_terms_refresh SELECT OLD.renewal_of WHERE OLD.renewal_of IS NOT NULL;
  INSERT INTO report_terms_refresh SELECT NEW.renewal_of
    WHERE NEW.renewal_of IS NOT NULL AND NEW.renewal_of IS DISTINCT FROM OLD.renewal_of;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_contract_update AFTER UPDATE ON contracts FOR EACH ROW
  WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.ends_on IS DISTINCT FROM NEW.ends_on
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.cycle IS DISTINCT FROM NEW.cycle
        OR OLD.amount_fen IS DISTINCT FROM NEW.amount_fen OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
        OR OLD.signed_on IS DISTINCT FROM NEW.signed_on OR OLD.starts_on IS DISTINCT FROM NEW.starts_on
        OR OLD.renewal_of IS DISTINCT FROM NEW.renewal_of OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
        OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION report_terms_contract_update();

CREATE FUNCTION report_terms_contract_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_terms WHERE contract_id = OLD.id;
  INSERT INTO report_terms_refresh SELECT OLD.renewal_of WHERE OLD.renewal_of IS NOT NULL;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_contract_delete AFTER DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION report_terms_contract_delete();

-- A tier change alone rewrites the tier in place (a bulk reclassification touches no other column of the terms).
CREATE FUNCTION report_terms_customer_tier() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE report_terms SET tier = NEW.tier
  WHERE contract_id IN (SELECT id FROM contracts WHERE customer_id = NEW.id AND deleted_at IS NULL);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_customer_tier AFTER UPDATE OF tier ON customers FOR EACH ROW
  WHEN (OLD.tier IS DISTINCT FROM NEW.tier AND OLD.owner_id IS NOT DISTINCT FROM NEW.owner_id
        AND OLD.deleted_at IS NOT DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION report_terms_customer_tier();

CREATE FUNCTION report_terms_customer_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_terms_refresh SELECT id FROM contracts WHERE customer_id = NEW.id AND deleted_at IS NULL;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_customer_update AFTER UPDATE ON customers FOR EACH ROW
  WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION report_terms_customer_update();

CREATE FUNCTION report_terms_renewal_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.contract_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_renewal_insert AFTER INSERT ON renewals
  FOR EACH ROW EXECUTE FUNCTION report_terms_renewal_insert();

CREATE FUNCTION report_terms_renewal_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_terms_refresh SELECT NEW.contract_id;
  INSERT INTO report_terms_refresh SELECT OLD.contract_id WHERE OLD.contract_id IS DISTINCT FROM NEW.contract_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_renewal_update AFTER UPDATE ON renewals FOR EACH ROW
  WHEN (OLD.contract_id IS DISTINCT FROM NEW.contract_id OR OLD.stage IS DISTINCT FROM NEW.stage
        OR OLD.outcome_amount_fen IS DISTINCT FROM NEW.outcome_amount_fen OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION report_terms_renewal_update();

CREATE FUNCTION report_terms_renewal_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_terms_refresh SELECT OLD.contract_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_terms_renewal_delete AFTER DELETE ON renewals
  FOR EACH ROW EXECUTE FUNCTION report_terms_renewal_delete();
`;
