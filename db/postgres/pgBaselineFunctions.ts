// SQLite built-ins the schema's CHECK constraints call, defined under the same names so those constraints read the
// same on both engines.
export const BASELINE_FUNCTIONS_SQL = `
-- SQLite's json_valid(X): true for well-formed RFC 8259 JSON, NULL for NULL (so a CHECK on a NULL column passes).
-- Any data exception from the cast means "not JSON", which must fail the CHECK rather than abort with a cast error.
-- Not PARALLEL SAFE: the EXCEPTION block is a subtransaction, which a parallel query cannot start.
CREATE FUNCTION json_valid(value text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
BEGIN
  PERFORM value::json;
  RETURN true;
EXCEPTION WHEN data_exception THEN
  RETURN false;
END
$fn$;

-- SQLite's json_type(X) with SQLite's names ('object', 'array', 'text', 'integer', 'real', 'true', 'false', 'null');
-- NULL for NULL or malformed JSON (SQLite raises there, and every CHECK that calls it also requires json_valid).
CREATE FUNCTION json_type(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
DECLARE
  kind text;
BEGIN
  IF NOT json_valid(value) THEN
    RETURN NULL;
  END IF;
  kind := json_typeof(value::json);
  RETURN CASE kind
    WHEN 'string' THEN 'text'
    WHEN 'boolean' THEN btrim(value)
    WHEN 'number' THEN CASE WHEN btrim(value) ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
    ELSE kind
  END;
END
$fn$;
`;
