// Type-level as much as runtime: `npm run typecheck` compiles this file, and fails if a row of one kind
// could reach another kind's importer (the @ts-expect-error lines would then be unused).
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { withImportSession } from '../../../../db/import/index.ts';
import type { CustomerValues, ImportKind } from '../../../../shared/importExport/importFields.ts';
import type { RowOf, SheetRow } from '../../../../shared/importExport/sheetRows.ts';
import { openTestContext, type TestContext } from '../../../../test-support/openTestContext.ts';
import { ImportReport } from '../report/importReport.ts';
import type { SheetImporter } from './applyContext.ts';
import { ContractSheetImporter } from './contractSheetImporter.ts';
import { CustomerSheetImporter } from './customerSheetImporter.ts';
import { FollowUpSheetImporter } from './followUpSheetImporter.ts';
import { sheetImporterFor } from './sheetImporters.ts';

const customer: CustomerValues = {
  name: '甲公司',
  contactName: null,
  contactTitle: null,
  contactPhone: null,
  tier: null,
  owner: null,
  notes: null,
  tierReason: null,
  customFields: {},
};
const contractsRow: RowOf<'contracts'> = {
  kind: 'contracts',
  line: 2,
  customer,
  contract: { number: 'HT-1', signedOn: null, startsOn: null, endsOn: '2027-01-31', amountFen: null, service: null, cycle: null, remindOn: null, notes: null },
  renewal: { stage: null, outcomeOn: null, amountFen: null, lostReason: null, lostNote: null },
};

type ImporterOf<K extends ImportKind> = ReturnType<typeof sheetImporterFor<K>>;

describe('sheet importers are typed by the rows they take', () => {
  it('a contracts row cannot be handed to the follow-ups importer', () => {
    expectTypeOf<ImporterOf<'followups'>>().toEqualTypeOf<SheetImporter<RowOf<'followups'>>>();
    expectTypeOf<RowOf<'contracts'>>().not.toExtend<RowOf<'followups'>>();
    expectTypeOf<RowOf<'contracts'>>().toExtend<SheetRow>();
    const handOver = (followUps: ImporterOf<'followups'>, customers: ImporterOf<'customers'>, contracts: ImporterOf<'contracts'>) => {
      // @ts-expect-error a contracts row is not a follow-ups row
      void followUps.applyChunk([contractsRow]);
      // @ts-expect-error nor a customers row: each kind has its own row type
      void customers.applyChunk([contractsRow]);
      void contracts.applyChunk([contractsRow]);
    };
    expect(handOver).toBeTypeOf('function');
  });

  describe('at run time', () => {
    let t: TestContext;
    beforeEach(async () => {
      t = await openTestContext();
    });
    afterEach(async () => {
      await t.close();
    });

    it('each kind gets its own importer', async () => {
      const meta = () => ({ batchId: 'type-test', at: new Date().toISOString(), actor: 'test' });
      const made = await withImportSession(t.ctx.db, meta, async (session) => {
        const context = { session, report: new ImportReport(), header: () => '' };
        return {
          contracts: sheetImporterFor('contracts', context),
          customers: sheetImporterFor('customers', context),
          followups: sheetImporterFor('followups', context),
        };
      });
      expect(made.contracts).toBeInstanceOf(ContractSheetImporter);
      expect(made.customers).toBeInstanceOf(CustomerSheetImporter);
      expect(made.followups).toBeInstanceOf(FollowUpSheetImporter);
    });
  });
});
