// One importer per kind of sheet, typed by the rows it takes: a contracts row cannot reach the follow-ups
// importer. Each turns a chunk of valid rows into one plan for the import session.
import type { ImportKind } from '../../../../shared/importExport/importFields.ts';
import type { RowOf, SheetRowValues } from '../../../../shared/importExport/sheetRows.ts';
import type { ApplyContext, SheetImporter } from './applyContext.ts';
import { ContractSheetImporter } from './contractSheetImporter.ts';
import { CustomerSheetImporter } from './customerSheetImporter.ts';
import { FollowUpSheetImporter } from './followUpSheetImporter.ts';

export type { ApplyContext, SheetImporter } from './applyContext.ts';

type SheetImporterFactories = { [K in keyof SheetRowValues]: (context: ApplyContext) => SheetImporter<RowOf<K>> };

const FACTORIES: SheetImporterFactories = {
  contracts: (context) => new ContractSheetImporter(context),
  customers: (context) => new CustomerSheetImporter(context),
  followups: (context) => new FollowUpSheetImporter(context),
};

export function sheetImporterFor<K extends ImportKind>(kind: K, context: ApplyContext): SheetImporter<RowOf<K>> {
  return FACTORIES[kind](context);
}
