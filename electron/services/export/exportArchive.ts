// export:archive — the whole archive as one workbook for a handover or an audit: one sheet per kind, headers and
// enum words in the chosen language, dates as date cells, amounts as numbers, streamed through exceljs.
import fs from 'node:fs';
import { tierReasonText } from '../../../shared/tiers/tierReason.ts';
import path from 'node:path';
import { forEachArchiveRow, type ArchiveRows, type ArchiveSheetKind } from '../../../db/repositories/archiveQueries.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { ContractStatus, Cycle, FollowUpChannel, FollowUpKind, LifecycleStage, RenewalStage } from '../../../shared/domain/enums.ts';
import type { TierMap } from '../../../shared/reminders/reminderLadder.ts';
import { tierLabelIn, type TierInfo } from '../../../shared/tiers/tierTable.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import type { MessageKey, Translate } from '../../../shared/i18n/createTranslator.ts';
import {
  contractStatusLabels,
  cycleLabels,
  followUpChannelLabels,
  followUpKindLabels,
  labelOf,
  lifecycleStageLabels,
  renewalStageLabels,
  type Locale,
} from '../../../shared/i18n/enumLabels.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { translatorFor } from '../../../shared/i18n/message.ts';
import { localDateTime, SHEET_NAMES, type ExportCell } from '../../../shared/importExport/exportCells.ts';
import type { ImportKind } from '../../../shared/importExport/importFields.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { loadReminderConfig } from '../reminders/reminderConfig.ts';
import { storedNotificationText } from '../reminders/reminderText.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withStagingScratch } from '../stagingScratch.ts';
import { xlsxWorkbook, type XlsxCell, type XlsxSheet } from './exportXlsx.ts';

interface Wording {
  locale: Locale;
  t: Translate;
  templates: TierMap<string>;
  /** The tier table, for custom tiers' and renamed built-ins' names. */
  tiers: readonly TierInfo[];
}

type Column<R> = [header: MessageKey, cell: (row: R, w: Wording) => XlsxCell];
type SheetSpec<K extends ArchiveSheetKind> = { name: MessageKey; columns: Column<ArchiveRows[K]>[] };

const date = (d: string | null): ExportCell => (d === null ? null : { date: d });
const instant = (iso: string | null): ExportCell => (iso === null ? null : { dateTime: localDateTime(iso) });
const amount = (fen: number | null): ExportCell => (fen === null ? null : { amountFen: fen });
const yesNo = (flag: number, w: Wording) => w.t(flag ? 'archive.yes' : 'archive.no');

function parsed<T>(json: string | null, fallback: T): T {
  try {
    return json === null ? fallback : (JSON.parse(json) as T);
  } catch {
    return fallback;
  }
}

function customFieldsText(json: string): string | null {
  const entries = Object.entries(parsed<Record<string, unknown>>(json, {}));
  return entries.length === 0 ? null : entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ');
}

/** The counts an import reported, summed per outcome over the record kinds. */
function importCount(json: string, suffix: 'Created' | 'Updated'): number {
  const summary = parsed<Record<string, unknown>>(json, {});
  return Object.entries(summary).reduce((n, [k, v]) => (k.endsWith(suffix) && typeof v === 'number' ? n + v : n), 0);
}

const SHEETS: { [K in ArchiveSheetKind]: SheetSpec<K> } = {
  customers: {
    name: 'archive.sheet.customers',
    columns: [
      ['archive.col.customer', (r) => r.name],
      ['archive.col.code', (r) => r.code],
      ['archive.col.industry', (r) => r.industry],
      ['archive.col.tier', (r, w) => tierLabelIn(w.tiers, r.tier, w.locale)],
      ['archive.col.owner', (r) => r.ownerName],
      ['archive.col.lifecycle', (r, w) => labelOf(lifecycleStageLabels, r.lifecycleStage as LifecycleStage, w.locale)],
      ['archive.col.source', (r) => r.source],
      ['archive.col.tags', (r, w) => joinWith(w.t, 'common.enumeration', parsed<string[]>(r.tagsJson, [])) || null],
      ['archive.col.nextExpiry', (r) => date(r.nextExpiryOn)],
      ['archive.col.archivedAt', (r) => instant(r.archivedAt)],
      ['archive.col.customFields', (r) => customFieldsText(r.customFieldsJson)],
      ['archive.col.notes', (r) => r.notes],
      ['archive.col.createdAt', (r) => instant(r.createdAt)],
      ['archive.col.updatedAt', (r) => instant(r.updatedAt)],
      ['archive.col.tierReason', (r, w) => tierReasonText(r.tierReason, r.tierPinned, w.locale) || null],
    ],
  },
  contacts: {
    name: 'archive.sheet.contacts',
    columns: [
      ['archive.col.customer', (r) => r.customerName],
      ['archive.col.name', (r) => r.name],
      ['archive.col.title', (r) => r.title],
      ['archive.col.phone', (r) => r.phone],
      ['archive.col.email', (r) => r.email],
      ['archive.col.birthday', (r) => date(r.birthday)],
      ['archive.col.primary', (r, w) => yesNo(r.isPrimary, w)],
      ['archive.col.notes', (r) => r.notes],
    ],
  },
  contracts: {
    name: 'archive.sheet.contracts',
    columns: [
      ['archive.col.customer', (r) => r.customerName],
      ['archive.col.contractNumber', (r) => r.number],
      ['archive.col.signedOn', (r) => date(r.signedOn)],
      ['archive.col.startsOn', (r) => date(r.startsOn)],
      ['archive.col.endsOn', (r) => date(r.endsOn)],
      ['archive.col.amount', (r) => amount(r.amountFen)],
      ['archive.col.currency', (r) => r.currency],
      ['archive.col.cycle', (r, w) => (r.cycle === null ? null : labelOf(cycleLabels, r.cycle as Cycle, w.locale))],
      ['archive.col.service', (r) => r.service],
      ['archive.col.status', (r, w) => labelOf(contractStatusLabels, r.status as ContractStatus, w.locale)],
      ['archive.col.owner', (r) => r.ownerName],
      ['archive.col.renewalOf', (r) => r.renewalOfNumber],
      ['archive.col.notes', (r) => r.notes],
    ],
  },
  renewals: {
    name: 'archive.sheet.renewals',
    columns: [
      ['archive.col.customer', (r) => r.customerName],
      ['archive.col.contractNumber', (r) => r.contractNumber],
      ['archive.col.stage', (r, w) => labelOf(renewalStageLabels, r.stage as RenewalStage, w.locale)],
      ['archive.col.outcomeOn', (r) => date(r.outcomeOn)],
      ['archive.col.outcomeAmount', (r) => amount(r.outcomeAmountFen)],
      ['archive.col.lostReason', (r) => r.lostReason],
      ['archive.col.lostNote', (r) => r.lostNote],
      ['archive.col.newContract', (r) => r.newContractNumber],
      ['archive.col.notes', (r) => r.notes],
    ],
  },
  followups: {
    name: 'archive.sheet.followups',
    columns: [
      ['archive.col.customer', (r) => r.customerName],
      ['archive.col.contractNumber', (r) => r.contractNumber],
      ['archive.col.followUpAt', (r) => instant(r.at)],
      ['archive.col.channel', (r, w) => labelOf(followUpChannelLabels, r.channel as FollowUpChannel, w.locale)],
      ['archive.col.kind', (r, w) => labelOf(followUpKindLabels, r.kind as FollowUpKind, w.locale)],
      ['archive.col.summary', (r) => r.summary],
      ['archive.col.nextFollowUpOn', (r) => date(r.nextFollowUpOn)],
      ['archive.col.nextDoneAt', (r) => instant(r.nextDoneAt)],
      ['archive.col.owner', (r) => r.ownerName],
    ],
  },
  notifications: {
    name: 'archive.sheet.notifications',
    columns: [
      ['archive.col.firedAt', (r) => instant(r.firedAt)],
      ['archive.col.customer', (r) => r.customerName],
      ['archive.col.notificationTitle', (r, w) => notificationText(r, w).title],
      ['archive.col.notificationBody', (r, w) => notificationText(r, w).body],
      ['archive.col.readAt', (r) => instant(r.readAt)],
    ],
  },
  tags: {
    name: 'archive.sheet.tags',
    columns: [
      ['archive.col.tagName', (r) => r.name],
      ['archive.col.color', (r) => r.color],
      ['archive.col.customerCount', (r) => r.customers],
    ],
  },
  owners: {
    name: 'archive.sheet.owners',
    columns: [
      ['archive.col.name', (r) => r.name],
      ['archive.col.email', (r) => r.email],
      ['archive.col.phone', (r) => r.phone],
      ['archive.col.active', (r, w) => yesNo(r.active, w)],
    ],
  },
  imports: {
    name: 'archive.sheet.imports',
    columns: [
      ['archive.col.importedAt', (r) => instant(r.createdAt)],
      ['archive.col.fileName', (r) => r.fileName],
      ['archive.col.importKind', (r, w) => SHEET_NAMES[r.kind as ImportKind]?.[w.locale === 'zh-CN' ? 'zh' : 'en'] ?? r.kind],
      ['archive.col.format', (r) => r.format],
      ['archive.col.encoding', (r) => r.encoding],
      ['archive.col.rows', (r) => r.rows],
      ['archive.col.created', (r) => importCount(r.summaryJson, 'Created')],
      ['archive.col.updated', (r) => importCount(r.summaryJson, 'Updated')],
      ['archive.col.rejected', (r) => parsed<{ rejectedRows?: number }>(r.summaryJson, {}).rejectedRows ?? 0],
      ['archive.col.actor', (r) => r.actor],
      ['archive.col.undoneAt', (r) => instant(r.undoneAt)],
    ],
  },
};

function notificationText(r: ArchiveRows['notifications'], w: Wording) {
  return storedNotificationText({ ...r, messageParams: parsed<unknown>(r.messageParams, null) }, w.locale, w.templates);
}

export const ARCHIVE_SHEET_ORDER: readonly ArchiveSheetKind[] = ['customers', 'contacts', 'contracts', 'renewals', 'followups', 'notifications', 'tags', 'owners', 'imports'];

/** The workbook's bytes; `headers` picks the language (the archive's when absent). */
export async function exportArchive(ctx: ServiceContext, headers: 'zh' | 'en' | undefined): Promise<ExportResult> {
  const locale: Locale = headers === undefined ? await archiveLocale(ctx.db) : headers === 'zh' ? 'zh-CN' : 'en-US';
  const w: Wording = { locale, t: translatorFor(locale), templates: (await loadReminderConfig(ctx.db)).templates, tiers: await listTiers(ctx.db) };
  return withStagingScratch(ctx, 'export-', async (dir) => {
    const target = path.join(dir, 'archive.xlsx');
    const workbook = await xlsxWorkbook(target);
    let rows = 0;
    for (const kind of ARCHIVE_SHEET_ORDER) rows += await writeSheet(ctx, workbook.sheet(w.t(SHEETS[kind].name)), kind, w);
    await workbook.close();
    const fileName = `${w.t('archive.fileName')}-${localDateOf(ctx.now())}.xlsx`;
    return { fileName, format: 'xlsx', rows, contentBase64: fs.readFileSync(target).toString('base64') };
  });
}

async function writeSheet<K extends ArchiveSheetKind>(
  ctx: ServiceContext,
  sheet: XlsxSheet,
  kind: K,
  w: Wording,
): Promise<number> {
  const spec: SheetSpec<K> = SHEETS[kind];
  sheet.header(spec.columns.map(([header]) => w.t(header)));
  const count = await forEachArchiveRow(ctx.db, kind, (row) => sheet.row(spec.columns.map(([, cell]) => cell(row, w))));
  sheet.commit();
  return count;
}
