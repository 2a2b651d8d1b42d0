// What a failure to reach a PostgreSQL server means to the user: the server is away (nothing was done, try again
// later), or it answered and refused (wrong password, no such database), which trying again will not fix.

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE']);
/** SQLSTATE: class 08 (connection exception), and the server shutting down or not accepting connections yet. */
const AWAY_SQLSTATES = /^(08...|57P0[123])$/;

/** Whether `e` says the server could not be reached (as opposed to a query it refused). */
export function isServerAway(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || AWAY_SQLSTATES.test(code))) return true;
  if (e instanceof AggregateError && e.errors.some(isServerAway)) return true;
  // pg words its own timeouts and cut connections without a code.
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(e.message);
}
