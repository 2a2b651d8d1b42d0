/** A `--db` value or RENEWAL_DESK_DB that names a PostgreSQL database rather than an SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/**
 * The URL with its password masked, for messages, logs and the handle's name. The password may sit in the user-info
 * part or in a `password=` parameter; both are masked. Written over the text rather than WHATWG's URL, which refuses
 * the socket form pg accepts (`postgres://user@/db?host=/run/postgresql`) and would leave nothing to show.
 */
export function redactPostgresUrl(location: string): string {
  return location
    .trim()
    .replace(/^(postgres(?:ql)?:\/\/[^:/?#@]*):[^@]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}
