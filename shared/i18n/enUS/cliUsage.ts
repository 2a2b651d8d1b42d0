// The CLI's help, apart from the rest of the catalogue: `--help` loads only this (electron/cli/cliEntry.ts).
export const usageEnUS = `usage: renewal-desk [--db FILE] <command> [flags] [--json]

  init                              create or upgrade the database
  demo [--today YYYY-MM-DD]         load about 200 sample customers (safe to repeat: nothing is written twice)
  customers list [--search cloud] [--tier vip|important|normal] [--owner-id ID] [--expiring-within-days N] [--limit N]
  customers add --name NAME [--tier ...] [--tags TAG1,TAG2] [--primary-contact.name NAME] [--primary-contact.phone PHONE]
  customers get|update|archive|unarchive|delete --id ID
  contracts add --customer-id ID --number HT-001 --ends-on 2026-12-31 [--amount-fen 1280000] [--cycle year]
  followups add --customer NAME-OR-ID --summary TEXT [--channel phone] [--kind revisit] [--next-follow-up-on DATE]
  followups due [--today YYYY-MM-DD]
  remind [--now 2026-12-01T09:00:00+08:00] [--dry-run]   fire (or with --dry-run just list) the reminders due now
  remind preview HT-001             list a contract's reminder steps and dates
  report --period 2026|2026-Q3|2026-07|2026-01-01..2026-06-30 [--by owner|tier|cycle]
                                    renewal report: terms due in the period, renewed/lost/undecided, rates by count and amount
  owners add --name NAME | owners list | tags add --name TAG
  import FILE.csv|FILE.xlsx [--kind contracts|customers|followups|payments|usage] [--encoding auto|utf8|gb18030]
         [--dry-run] [--strict] [--map-file MAPPING.json] [--sheet SHEET]   import a renewal sheet (one transaction, can be undone)
  export contracts|customers|followups|renewals|payments|usage|complaints|surveys [--out FILE.csv|FILE.xlsx] [--headers zh|en]
                                    without --out, saved in this folder under the sheet's name and date (never over a file)
  imports | undo-import BATCH_ID    import history; undo a whole import
  import-issues REPORT_ID [--out FILE.csv]   all the problems of an import (its issuesReport, kept a day) as a CSV
  backup                            back up now
  backups                           list the backups
  restore NAME|FILE [--passphrase P | --passphrase-file F]
                                    replace all data with a backup from the list (by name) or a backup file (encrypted too); the current data is backed up first
  backup export-encrypted [--out FILE.rdbackup] (--passphrase P | --passphrase-file F)
                                    export an encrypted backup (passphrase of 8 characters or more); restore it elsewhere with restore FILE
  export archive [--out FILE.xlsx] [--headers zh|en]   the whole archive as one Excel workbook (a sheet per kind)
  hygiene [--kind duplicateCustomer|customerWithoutPhone|...]   data check: likely duplicates, missing phones/end dates/amounts, overdue without a decision
  customers merge --from ID --into ID | customers undo-merge --undo-token T   merge a duplicate customer (undoable)
  hygiene trash | hygiene restore --kind customer|contract --id ID [--with-customer]   recycle bin
  hygiene handover --from-owner-id A --to-owner-id B | hygiene undo-handover --undo-token T   hand an owner's records to another
  contracts attachments-add FILE --contract-id ID | contracts attachments-list --contract-id ID   a contract's attachments (PDF/photo, ≤ 20 MB)
  contracts attachments-read --id ID [--out FILE] | contracts attachments-remove --id ID | contracts attachments-undo --undo-token T
  info                              where the data file is, and its version
  lifecycle [--stage churned|decline|prospect|new|mature|growth]   computed lifecycle stages and why
  lifecycle warning | lifecycle win-back | lifecycle recompute     churn warning, win-back list; recompute now
  risk [--open true|false] | risk list | risk review --from D --to D   renewal risk warnings (score, factors, probability), at-risk list, review
  visits due [--today YYYY-MM-DD] [--owner-id ID] | visits plan [--year 2026] | visits key-customers   priority customers' visits due now, the year's plan and adherence, the priority-customer list
  export visits|key-review [--year 2026] [--out FILE.csv|FILE.xlsx]   the visit plan (one row per planned visit), the priority customers' annual review
  export calendar [--out FILE.ics] [--owner NAME]   the renewal calendar: an all-day event on each open term's end date, alarms on its reminder steps (re-importing updates, never duplicates)
  tiers list | tiers add --name NAME [--colour green] | tiers remove --code C --move-to normal   the tier table (a removal moves the customers; undoable)
  migrate-to postgres://user@host:5432/renewal_desk | migrate-to NEW.db   move the archive into an empty PostgreSQL database (team mode), or from PostgreSQL back to a new SQLite file; row counts and content hashes checked per table

  Flags are the kebab-case names of the operation's input fields; --json prints machine-readable JSON; lists fetch every page unless --limit N asks for one.
  Data file: --db FILE, or the RENEWAL_DESK_DB environment variable, else renewal-desk.db in the user data folder. A postgres:// URL names a PostgreSQL database (team mode), its password in the URL or PGPASSWORD; once that database has accounts, set RENEWAL_DESK_USER and RENEWAL_DESK_PASSWORD: the command runs signed in as that account and signs out when done.
  Language: messages and output follow the data file's language setting; help and usage errors follow RENEWAL_DESK_LANG (zh-CN|en-US), else LANG.
  Exit codes: 0 success, 1 the operation failed, 2 usage error.`;
