import { engineOf, q, rawOf, type Db } from '../../db/handle.ts';
import { newId } from '../../db/newId.ts';

// Bulk loader for the reminder soak test and the scheduler benchmark: customers (with a tier and a primary
// contact) and their contracts, through prepared multi-row INSERTs in one transaction. Reminder rows are then
// materialized by the services' own recomputation, exactly as for user data.

export interface SeedContract {
  customerIndex: number;
  number: string;
  startsOn: string;
  endsOn: string;
  cycle: 'month' | 'quarter' | 'half_year' | 'year';
  amountFen: number;
}

export interface SeedCustomer {
  name: string;
  tier: 'vip' | 'important' | 'normal';
  contactName: string;
  birthday: string | null;
}

export interface SeededIds {
  customerIds: string[];
  contractIds: string[];
}

function insertMany(raw: ReturnType<typeof rawOf>, table: string, columns: readonly string[], rows: readonly unknown[][]): void {
  const perStatement = Math.max(1, Math.floor(999 / columns.length));
  const placeholders = (n: number) => Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const full = raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(perStatement)}`);
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const stmt = part.length === perStatement ? full : raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(part.length)}`);
    stmt.run(part.flat());
  }
}

/** The same rows through the query builder, for a PostgreSQL archive (no raw connection to prepare on). */
async function seedThroughKysely(db: Db, customers: readonly SeedCustomer[], contracts: readonly SeedContract[], createdAt: string, ids: SeededIds) {
  const { customerIds, contractIds } = ids;
  await q(db)
    .transaction()
    .execute(async (trx) => {
      for (let i = 0; i < customers.length; i += 500) {
        const part = customers.slice(i, i + 500);
        await trx
          .insertInto('customers')
          .values(part.map((c, j) => ({ id: customerIds[i + j]!, name: c.name, tier: c.tier, lifecycle_stage: 'customer', custom_fields: '{}', created_at: createdAt, updated_at: createdAt })))
          .execute();
        await trx
          .insertInto('contacts')
          .values(part.map((c, j) => ({ id: newId(), customer_id: customerIds[i + j]!, name: c.contactName, birthday: c.birthday, is_primary: 1, created_at: createdAt, updated_at: createdAt })))
          .execute();
      }
      for (let i = 0; i < contracts.length; i += 500) {
        const part = contracts.slice(i, i + 500);
        await trx
          .insertInto('contracts')
          .values(
            part.map((k, j) => ({
              id: contractIds[i + j]!,
              customer_id: customerIds[k.customerIndex]!,
              number: k.number,
              starts_on: k.startsOn,
              ends_on: k.endsOn,
              amount_fen: k.amountFen,
              currency: 'CNY',
              cycle: k.cycle,
              status: 'active',
              created_at: createdAt,
              updated_at: createdAt,
            })),
          )
          .execute();
      }
    });
}

export async function seedReminderData(db: Db, customers: readonly SeedCustomer[], contracts: readonly SeedContract[], createdAt: string): Promise<SeededIds> {
  const customerIds = customers.map(() => newId());
  const contractIds = contracts.map(() => newId());
  if (engineOf(db) === 'postgres') {
    await seedThroughKysely(db, customers, contracts, createdAt, { customerIds, contractIds });
    return { customerIds, contractIds };
  }
  const raw = rawOf(db);
  raw.transaction(() => {
    insertMany(
      raw,
      'customers',
      ['id', 'name', 'tier', 'lifecycle_stage', 'custom_fields', 'created_at', 'updated_at'],
      customers.map((c, i) => [customerIds[i], c.name, c.tier, 'customer', '{}', createdAt, createdAt]),
    );
    insertMany(
      raw,
      'contacts',
      ['id', 'customer_id', 'name', 'birthday', 'is_primary', 'created_at', 'updated_at'],
      customers.map((c, i) => [newId(), customerIds[i], c.contactName, c.birthday, 1, createdAt, createdAt]),
    );
    insertMany(
      raw,
      'contracts',
      ['id', 'customer_id', 'number', 'starts_on', 'ends_on', 'amount_fen', 'cycle', 'status', 'created_at', 'updated_at'],
      contracts.map((k, i) => [contractIds[i], customerIds[k.customerIndex], k.number, k.startsOn, k.endsOn, k.amountFen, k.cycle, 'active', createdAt, createdAt]),
    );
  }).immediate();
  return { customerIds, contractIds };
}
