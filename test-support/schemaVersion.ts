// The schema version a freshly migrated archive reports, for tests of layers that may not import db/.
export { LATEST_SCHEMA_VERSION } from '../db/migrations/allMigrations.ts';
