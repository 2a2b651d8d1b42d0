// export renewals: the 续约 list with the page's filters, every page of it, as a report sheet.
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { RENEWAL_HEADERS, renewalCells } from '../../../shared/importExport/exportCells.ts';
import { tierCellLabel } from './tierCellLabel.ts';
import { listRenewalPage } from '../renewals/renewals.service.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { exportSheet } from './exportSheet.ts';

const PAGE = 500;

export async function exportRenewals(ctx: ServiceContext, input: ApiParsedInput<'export:renewals'>): Promise<ExportResult> {
  const { headers, format, ...filters } = input;
  return exportSheet(ctx, 'renewals', { headers, format }, async (sink) => {
    sink.header([...RENEWAL_HEADERS[headers]]);
    const tierLabel = await tierCellLabel(ctx.db);
    let n = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await listRenewalPage(ctx, { ...filters, offset, limit: PAGE });
      for (const item of page.items) sink.row(renewalCells({ ...item, ownerName: item.ownerName }, tierLabel));
      n += page.items.length;
      if (page.items.length < PAGE) return n;
    }
  });
}
