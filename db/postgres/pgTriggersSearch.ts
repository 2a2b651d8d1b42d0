// The customer-scoped bigram postings (SQLite 0018): customer_scoped_bigrams mirrors customer_bigrams under each
// customer's search_scopes id (owner, tier, archived), kept by triggers. Same names, events and WHEN clauses.
//
// SQLite → PostgreSQL: a customer's space-separated bigram set is split with regexp_split_to_table (SQLite's
// json_each over the quoted, comma-joined string yields the same values, '' included); `archived` is 0/1, so the
// IS NOT NULL test is cast with ::int; INSERT OR IGNORE → ON CONFLICT DO NOTHING. A new scope is inserted only when
// it is missing, so the identity sequence is not spent on every customer write and ids follow SQLite's 1, 2, 3….
export const SEARCH_TRIGGERS_SQL = `
CREATE FUNCTION search_scope_of(owner_id text, tier text, archived_at text) RETURNS bigint
LANGUAGE sql STABLE AS $fn$
  SELECT s.id FROM search_scopes s
  WHERE s.owner_key = coalesce(owner_id, '') AND s.tier = search_scope_of.tier AND s.archived = (archived_at IS NOT NULL)::int
$fn$;

CREATE FUNCTION ensure_search_scope(owner_id text, tier text, archived_at text) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO search_scopes (owner_key, tier, archived)
  SELECT coalesce(owner_id, ''), ensure_search_scope.tier, (archived_at IS NOT NULL)::int
  WHERE search_scope_of(owner_id, ensure_search_scope.tier, archived_at) IS NULL
  -- Only a concurrent insert of the same scope is ignored: an id collision (a sequence left behind by a copy, see
  -- identitySequences.ts) must fail loudly, not drop the scope.
  ON CONFLICT (owner_key, tier, archived) DO NOTHING
$fn$;

CREATE FUNCTION customer_scoped_bigrams_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT NEW.bigram, search_scope_of(c.owner_id, c.tier, c.archived_at), NEW.customer_id
    FROM customers c
    WHERE c.id = NEW.customer_id AND search_scope_of(c.owner_id, c.tier, c.archived_at) IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER customer_scoped_bigrams_add AFTER INSERT ON customer_bigrams
  FOR EACH ROW EXECUTE FUNCTION customer_scoped_bigrams_add();

CREATE FUNCTION customer_scoped_bigrams_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram = OLD.bigram
    AND scope = (SELECT search_scope_of(c.owner_id, c.tier, c.archived_at) FROM customers c WHERE c.id = OLD.customer_id)
    AND customer_id = OLD.customer_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER customer_scoped_bigrams_remove AFTER DELETE ON customer_bigrams
  FOR EACH ROW EXECUTE FUNCTION customer_scoped_bigrams_remove();

CREATE FUNCTION customer_scoped_bigrams_rekey() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram = OLD.bigram
    AND scope = (SELECT search_scope_of(c.owner_id, c.tier, c.archived_at) FROM customers c WHERE c.id = OLD.customer_id)
    AND customer_id = OLD.customer_id;
  INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT NEW.bigram, search_scope_of(c.owner_id, c.tier, c.archived_at), NEW.customer_id
    FROM customers c
    WHERE c.id = NEW.customer_id AND search_scope_of(c.owner_id, c.tier, c.archived_at) IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER customer_scoped_bigrams_rekey AFTER UPDATE ON customer_bigrams
  FOR EACH ROW EXECUTE FUNCTION customer_scoped_bigrams_rekey();

-- A customer's owner, tier or archived state changed: its postings move to the new scope.
CREATE FUNCTION customer_scoped_bigrams_move() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ensure_search_scope(NEW.owner_id, NEW.tier, NEW.archived_at);
  UPDATE customer_scoped_bigrams
  SET scope = search_scope_of(NEW.owner_id, NEW.tier, NEW.archived_at)
  WHERE bigram IN (SELECT regexp_split_to_table(bs.bigrams, ' ') FROM customer_bigram_sets bs WHERE bs.customer_id = OLD.id)
    AND scope = search_scope_of(OLD.owner_id, OLD.tier, OLD.archived_at)
    AND customer_id = OLD.id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER customer_scoped_bigrams_move AFTER UPDATE OF owner_id, tier, archived_at ON customers FOR EACH ROW
  WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.tier IS DISTINCT FROM NEW.tier
        OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
  EXECUTE FUNCTION customer_scoped_bigrams_move();

CREATE FUNCTION customer_scoped_bigrams_on_customer_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram IN (SELECT regexp_split_to_table(bs.bigrams, ' ') FROM customer_bigram_sets bs WHERE bs.customer_id = OLD.id)
    AND scope = search_scope_of(OLD.owner_id, OLD.tier, OLD.archived_at)
    AND customer_id = OLD.id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER customer_scoped_bigrams_on_customer_delete AFTER DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION customer_scoped_bigrams_on_customer_delete();

-- A new customer's scope exists from its first write; bigrams written before their customer row (no path does
-- today) find their scope now.
CREATE FUNCTION search_scopes_on_customer_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ensure_search_scope(NEW.owner_id, NEW.tier, NEW.archived_at);
  INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT b.bigram, search_scope_of(NEW.owner_id, NEW.tier, NEW.archived_at), b.customer_id
    FROM (SELECT regexp_split_to_table(bs.bigrams, ' ') AS value FROM customer_bigram_sets bs WHERE bs.customer_id = NEW.id) j
    JOIN customer_bigrams b ON b.bigram = j.value AND b.customer_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER search_scopes_on_customer_insert AFTER INSERT ON customers
  FOR EACH ROW EXECUTE FUNCTION search_scopes_on_customer_insert();
`;
