import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../../shared/api/import.contract.ts';
import { importWizardReducer, initialImportWizard, missingFields, type ImportWizardEvent, type ImportWizardState } from './importWizardState.ts';

const preview: ImportPreview = {
  uploadId: 'u1',
  fileName: 'renewals.csv',
  sizeBytes: 120,
  format: 'csv',
  encoding: 'utf8',
  encodingDetected: 'utf8',
  invalidBytes: null,
  encodingWarnings: [],
  otherEncoding: 'gb18030',
  encodingSuggestion: null,
  delimiter: ',',
  sheet: null,
  sheets: [],
  headerLine: 1,
  headers: ['Customer', 'End Date', 'Summary'],
  sampleRows: [{ line: 2, cells: ['Northwind', '2026-01-31', 'called'] }],
  proposedKind: 'contracts',
  columns: ['customerName', 'endsOn', null],
  presetApplied: false,
};

function result(overrides: Partial<ImportResult> = {}): ImportResult {
  return {
    batchId: null,
    committed: false,
    dryRun: true,
    chains: { linked: 0, history: 0 },
    newTerms: { overdue: 0, insideLadder: 0 },
    strictAborted: false,
    kind: 'contracts',
    file: 'renewals.csv',
    format: 'csv',
    encoding: 'utf8',
    encodingDetected: 'utf8',
    invalidBytes: null,
    delimiter: ',',
    sheet: null,
    rows: 1,
    contractsCreated: 1,
    contractsUpdated: 0,
    contractsUnchanged: 0,
    customersCreated: 1,
    customersUpdated: 0,
    customersUnchanged: 0,
    followupsCreated: 0,
    followupsUnchanged: 0,
    rejected: [],
    rejectedRows: 0,
    warnings: [],
    duplicates: [],
    duplicateRows: 0,
    issueCounts: { rejected: 0, warnings: 0 },
    issuesReport: null,
    ignoredColumns: [],
    columns: [],
    changes: [],
    changesTruncated: false,
    elapsedMs: 3,
    ...overrides,
  };
}

const run = (events: ImportWizardEvent[], from: ImportWizardState = initialImportWizard) => events.reduce(importWizardReducer, from);

const uploadedAndPreviewed: ImportWizardEvent[] = [
  { type: 'uploadStarted', name: 'renewals.csv', size: 120 },
  { type: 'uploadProgress', sent: 60 },
  { type: 'uploaded', uploadId: 'u1' },
  { type: 'previewRequested', encoding: 'auto', sheet: undefined },
  { type: 'previewLoaded', preview },
  { type: 'uploadEnded' },
];

describe('importWizardReducer', () => {
  it('tracks the upload, then shows the preview with the proposed kind and columns', () => {
    const sending = run(uploadedAndPreviewed.slice(0, 2));
    expect(sending.uploading).toEqual({ name: 'renewals.csv', sent: 60, size: 120 });
    const s = run(uploadedAndPreviewed);
    expect(s).toMatchObject({ step: 'preview', uploadId: 'u1', busy: false, uploading: null, kind: 'contracts', columns: ['customerName', 'endsOn', null] });
  });

  it('another encoding is busy until its preview arrives, and keeps the choice', () => {
    const asking = run([...uploadedAndPreviewed, { type: 'previewRequested', encoding: 'gb18030', sheet: undefined }]);
    expect(asking).toMatchObject({ busy: true, encoding: 'gb18030', step: 'preview' });
    expect(importWizardReducer(asking, { type: 'previewLoaded', preview }).busy).toBe(false);
  });

  it('choosing another kind proposes its mapping again from the headers', () => {
    const s = run([...uploadedAndPreviewed, { type: 'stepChosen', step: 'mapping' }, { type: 'kindChosen', kind: 'followups' }]);
    expect(s.kind).toBe('followups');
    expect(s.columns).toEqual(['customerName', null, 'summary']);
    expect(missingFields(s)).toEqual(['at']);
  });

  it('lists the required fields no column goes to', () => {
    const s = run([...uploadedAndPreviewed, { type: 'columnsChosen', columns: [null, 'endsOn', null] }]);
    expect(missingFields(s)).toEqual(['customerName']);
  });

  it('a dry run stays on its step while running, then shows the check', () => {
    const running = run([...uploadedAndPreviewed, { type: 'stepChosen', step: 'mapping' }, { type: 'runStarted', dryRun: true }]);
    expect(running).toMatchObject({ step: 'mapping', busy: true });
    const checked = importWizardReducer(running, { type: 'checked', result: result() });
    expect(checked).toMatchObject({ step: 'check', busy: false });
    expect(checked.check?.contractsCreated).toBe(1);
  });

  it('a commit runs, then shows its result; undo marks it undone', () => {
    const checked = run([...uploadedAndPreviewed, { type: 'runStarted', dryRun: true }, { type: 'checked', result: result() }]);
    const running = importWizardReducer(checked, { type: 'runStarted', dryRun: false });
    expect(running.step).toBe('running');
    const done = importWizardReducer(running, { type: 'imported', result: result({ batchId: 'b1', committed: true, dryRun: false }) });
    expect(done).toMatchObject({ step: 'done', undone: false, busy: false });
    expect(done.result?.batchId).toBe('b1');
    const undone = run([{ type: 'undoStarted' }, { type: 'undone' }], done);
    expect(undone).toMatchObject({ undone: true, busy: false, step: 'done' });
    expect(run([{ type: 'undoStarted' }, { type: 'undoFailed' }], done)).toMatchObject({ undone: false, busy: false });
  });

  it('a failed commit goes back to the check with the error; a failed upload stays on the file step', () => {
    const running = run([...uploadedAndPreviewed, { type: 'runStarted', dryRun: true }, { type: 'checked', result: result() }, { type: 'runStarted', dryRun: false }]);
    expect(importWizardReducer(running, { type: 'failed', error: 'disk full' })).toMatchObject({ step: 'check', error: 'disk full', busy: false });
    const failedUpload = run([{ type: 'uploadStarted', name: 'x.csv', size: 10 }, { type: 'failed', error: 'too big' }]);
    expect(failedUpload).toMatchObject({ step: 'file', error: 'too big', uploading: null });
  });

  it('restarting forgets the file and every report', () => {
    const done = run([...uploadedAndPreviewed, { type: 'runStarted', dryRun: false }, { type: 'imported', result: result({ batchId: 'b1' }) }]);
    expect(importWizardReducer(done, { type: 'restarted' })).toEqual(initialImportWizard);
  });
});
