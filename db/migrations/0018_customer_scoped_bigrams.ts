import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Bigram postings per list scope (issue 12, bench:list). The list page filters by owner, tier and archive state
// before it searches; customer_bigrams (bigram, customer_id) cannot count one owner's and tier's holders of a
// common bigram (科技: three in ten names) without a probe per customer of that owner and tier. Here every
// customer_bigrams row is kept once more under its customer's scope, a small integer standing for (owner, tier,
// archived), so that count is a range count over the matching entries only, and a rare bigram's holders in the
// scope can be read directly.
//
// Kept by triggers, so no writer can forget them (services, the import's bulk merge, undo, a bulk tier update on
// the raw connection): a customer_bigrams insert or delete adds or removes the posting under the customer's
// current scope; a change of a customer's owner, tier or archive state moves its postings (found through its
// bigram set in customer_bigram_sets, which always holds every bigram it has in customer_bigrams) to the new
// scope. search_scopes only grows (it holds a row per owner × tier × archived state ever used); every customer's
// scope exists in it, made on insert and on a change of scope, so the posting triggers only look it up.
export const migration0018CustomerScopedBigrams: MigrationDefinition = {
  version: 18,
  name: 'customer_scoped_bigrams',
  sql: `
CREATE TABLE search_scopes (
  id INTEGER PRIMARY KEY,
  owner_key TEXT NOT NULL,
  tier TEXT NOT NULL,
  archived INTEGER NOT NULL,
  UNIQUE (owner_key, tier, archived)
);
CREATE TABLE customer_scoped_bigrams (
  bigram TEXT NOT NULL,
  scope INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (bigram, scope, customer_id)
) WITHOUT ROWID;

INSERT INTO search_scopes (owner_key, tier, archived)
  SELECT DISTINCT coalesce(owner_id, ''), tier, archived_at IS NOT NULL FROM customers ORDER BY 1, 2, 3;
INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
  SELECT b.bigram, s.id, b.customer_id
  FROM customer_bigrams b
  JOIN customers c ON c.id = b.customer_id
  JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
  ORDER BY 1, 2, 3;

CREATE TRIGGER search_scopes_on_customer_insert AFTER INSERT ON customers BEGIN
  INSERT OR IGNORE INTO search_scopes (owner_key, tier, archived)
    VALUES (coalesce(NEW.owner_id, ''), NEW.tier, NEW.archived_at IS NOT NULL);
  -- Bigrams written before their customer row (no path does today) find their scope now.
  INSERT OR IGNORE INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT b.bigram, s.id, b.customer_id
    FROM json_each((SELECT '[' || replace(json_quote(bs.bigrams), ' ', '","') || ']' FROM customer_bigram_sets bs WHERE bs.customer_id = NEW.id)) j
    JOIN customer_bigrams b ON b.bigram = j.value AND b.customer_id = NEW.id
    JOIN search_scopes s ON s.owner_key = coalesce(NEW.owner_id, '') AND s.tier = NEW.tier AND s.archived = (NEW.archived_at IS NOT NULL);
END;

CREATE TRIGGER customer_scoped_bigrams_move AFTER UPDATE OF owner_id, tier, archived_at ON customers
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.tier IS NOT NEW.tier OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_scopes (owner_key, tier, archived)
    VALUES (coalesce(NEW.owner_id, ''), NEW.tier, NEW.archived_at IS NOT NULL);
  UPDATE customer_scoped_bigrams
  SET scope = (SELECT s.id FROM search_scopes s
               WHERE s.owner_key = coalesce(NEW.owner_id, '') AND s.tier = NEW.tier AND s.archived = (NEW.archived_at IS NOT NULL))
  WHERE bigram IN (SELECT value FROM json_each((SELECT '[' || replace(json_quote(bs.bigrams), ' ', '","') || ']'
                                                FROM customer_bigram_sets bs WHERE bs.customer_id = OLD.id)))
    AND scope = (SELECT s.id FROM search_scopes s
                 WHERE s.owner_key = coalesce(OLD.owner_id, '') AND s.tier = OLD.tier AND s.archived = (OLD.archived_at IS NOT NULL))
    AND customer_id = OLD.id;
END;

CREATE TRIGGER customer_scoped_bigrams_on_customer_delete AFTER DELETE ON customers BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram IN (SELECT value FROM json_each((SELECT '[' || replace(json_quote(bs.bigrams), ' ', '","') || ']'
                                                FROM customer_bigram_sets bs WHERE bs.customer_id = OLD.id)))
    AND scope = (SELECT s.id FROM search_scopes s
                 WHERE s.owner_key = coalesce(OLD.owner_id, '') AND s.tier = OLD.tier AND s.archived = (OLD.archived_at IS NOT NULL))
    AND customer_id = OLD.id;
END;

CREATE TRIGGER customer_scoped_bigrams_add AFTER INSERT ON customer_bigrams BEGIN
  INSERT OR IGNORE INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT NEW.bigram, s.id, NEW.customer_id
    FROM customers c
    JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
    WHERE c.id = NEW.customer_id;
END;

CREATE TRIGGER customer_scoped_bigrams_remove AFTER DELETE ON customer_bigrams BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram = OLD.bigram
    AND scope = (SELECT s.id FROM customers c
                 JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
                 WHERE c.id = OLD.customer_id)
    AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER customer_scoped_bigrams_rekey AFTER UPDATE ON customer_bigrams BEGIN
  DELETE FROM customer_scoped_bigrams
  WHERE bigram = OLD.bigram
    AND scope = (SELECT s.id FROM customers c
                 JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
                 WHERE c.id = OLD.customer_id)
    AND customer_id = OLD.customer_id;
  INSERT OR IGNORE INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT NEW.bigram, s.id, NEW.customer_id
    FROM customers c
    JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
    WHERE c.id = NEW.customer_id;
END;
`,
};
