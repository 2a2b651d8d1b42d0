// The wizard's second step: what the file looks like when decoded (so mojibake shows at once), which bytes
// the encoding could not read and on which lines, the other encoding to offer (suggested by name when the
// header reads right only in it), which kind it seems to be, and the proposed column mapping (a saved preset
// for these headers wins).
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { mapHeaders, proposeKind } from '../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS } from '../../../shared/importExport/importFields.ts';
import { isBlankRecord } from '../../../shared/importExport/normalizeRow.ts';
import { renderIn } from '../../../shared/i18n/message.ts';
import { archiveLocale } from '../archiveLocale.ts';
import type { ServiceContext } from '../serviceContext.ts';
import type { EncodingChoice } from './source/detectEncoding.ts';
import { presetFor } from './mapping/mappingPresets.ts';
import { otherEncodingOf, otherEncodingReading } from './mapping/otherEncodingReading.ts';
import { encodingWarnings, invalidBytesSummary } from './source/encodingWarnings.ts';
import { headerOf, openImportSource } from './source/openImportSource.ts';
import { stagedUpload } from './uploads/uploadStaging.ts';

const SAMPLE_ROWS = 20;

export async function previewImport(ctx: ServiceContext, input: { uploadId: string; encoding: EncodingChoice; sheet?: string | undefined }): Promise<ImportPreview> {
  const upload = stagedUpload(ctx, input.uploadId);
  const source = await openImportSource(upload.file, { encoding: input.encoding, sheet: input.sheet, fileName: upload.fileName });
  const sampleRows: ImportPreview['sampleRows'] = [];
  try {
    outer: for await (const batch of source.records) {
      for (const r of batch) {
        if (isBlankRecord(r.cells)) continue;
        sampleRows.push({ line: r.line, cells: r.cells });
        if (sampleRows.length >= SAMPLE_ROWS) break outer;
      }
    }
  } finally {
    await source.records.return(undefined);
  }
  const header = headerOf(source);
  const headers = header.cells.map((h) => h.trim());
  const preset = await presetFor(ctx.db, headers);
  const kind = preset?.kind ?? proposeKind(headers);
  const mapping = mapHeaders(kind, headers, preset?.override);
  const unmapped = REQUIRED_FIELDS[kind].some((f) => !mapping.columns.includes(f));
  const locale = await archiveLocale(ctx.db);
  return {
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    sizeBytes: upload.sizeBytes,
    format: source.format,
    encoding: source.encoding,
    encodingDetected: source.detected?.encoding ?? null,
    invalidBytes: invalidBytesSummary(source),
    encodingWarnings: encodingWarnings(source).map((w) => ({ ...w, message: renderIn(locale, w.message), key: w.message.key, params: w.message.params })),
    otherEncoding: otherEncodingOf(source.encoding),
    encodingSuggestion: unmapped ? await otherEncodingReading(source, kind) : null,
    delimiter: source.delimiter,
    sheet: source.sheet,
    sheets: source.sheets,
    headerLine: header.line,
    headers,
    sampleRows,
    proposedKind: kind,
    columns: mapping.columns,
    presetApplied: preset !== null,
  };
}
