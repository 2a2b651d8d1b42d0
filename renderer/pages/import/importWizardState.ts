import type { ImportPreview, ImportResult } from '../../../shared/api/import.contract.ts';
import { mapHeaders } from '../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS, type ImportKind } from '../../../shared/importExport/importFields.ts';

// The import wizard as one state and the events that move it: file → encoding preview → mapping → dry run
// → commit → result (and undo). Pure, so the flow is tested without a browser.

export const WIZARD_STEPS = ['file', 'preview', 'mapping', 'check', 'running', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type EncodingChoice = 'auto' | 'utf8' | 'gb18030';

export interface ImportWizardState {
  step: WizardStep;
  /** The file being sent, while it is. */
  uploading: { name: string; sent: number; size: number } | null;
  error: string | null;
  busy: boolean;
  uploadId: string | null;
  preview: ImportPreview | null;
  encoding: EncodingChoice;
  sheet: string | undefined;
  kind: ImportKind;
  columns: (string | null)[];
  /** The dry run's report. */
  check: ImportResult | null;
  /** The committed import's report. */
  result: ImportResult | null;
  undone: boolean;
}

export type ImportWizardEvent =
  | { type: 'uploadStarted'; name: string; size: number }
  | { type: 'uploadProgress'; sent: number }
  | { type: 'uploaded'; uploadId: string }
  | { type: 'uploadEnded' }
  | { type: 'previewRequested'; encoding: EncodingChoice; sheet: string | undefined }
  | { type: 'previewLoaded'; preview: ImportPreview }
  | { type: 'stepChosen'; step: 'preview' | 'mapping' }
  | { type: 'kindChosen'; kind: ImportKind }
  | { type: 'columnsChosen'; columns: (string | null)[] }
  | { type: 'runStarted'; dryRun: boolean }
  | { type: 'checked'; result: ImportResult }
  | { type: 'imported'; result: ImportResult }
  | { type: 'undoStarted' }
  | { type: 'undone' }
  | { type: 'undoFailed' }
  | { type: 'failed'; error: string }
  | { type: 'restarted' };

export const initialImportWizard: ImportWizardState = {
  step: 'file',
  uploading: null,
  error: null,
  busy: false,
  uploadId: null,
  preview: null,
  encoding: 'auto',
  sheet: undefined,
  kind: 'contracts',
  columns: [],
  check: null,
  result: null,
  undone: false,
};

export function importWizardReducer(state: ImportWizardState, event: ImportWizardEvent): ImportWizardState {
  switch (event.type) {
    case 'uploadStarted':
      return { ...state, error: null, uploading: { name: event.name, sent: 0, size: event.size } };
    case 'uploadProgress':
      return state.uploading ? { ...state, uploading: { ...state.uploading, sent: event.sent } } : state;
    case 'uploaded':
      return { ...state, uploadId: event.uploadId, encoding: 'auto', sheet: undefined };
    case 'uploadEnded':
      return { ...state, uploading: null };
    case 'previewRequested':
      return { ...state, busy: true, error: null, encoding: event.encoding, sheet: event.sheet };
    case 'previewLoaded':
      return { ...state, busy: false, preview: event.preview, kind: event.preview.proposedKind, columns: event.preview.columns, step: 'preview' };
    case 'stepChosen':
      return { ...state, step: event.step };
    case 'kindChosen':
      // A different kind knows different fields: propose the mapping again from the headers.
      return { ...state, kind: event.kind, columns: state.preview ? mapHeaders(event.kind, state.preview.headers).columns : state.columns };
    case 'columnsChosen':
      return { ...state, columns: event.columns };
    case 'runStarted':
      return { ...state, busy: true, error: null, step: event.dryRun ? state.step : 'running' };
    case 'checked':
      return { ...state, busy: false, check: event.result, step: 'check' };
    case 'imported':
      return { ...state, busy: false, result: event.result, undone: false, step: 'done' };
    case 'undoStarted':
      return { ...state, busy: true };
    case 'undone':
      return { ...state, busy: false, undone: true };
    case 'undoFailed':
      return { ...state, busy: false };
    case 'failed':
      // A failed commit wrote nothing (one transaction): back to the dry run's report, to try again.
      return { ...state, busy: false, uploading: null, error: event.error, step: state.step === 'running' ? 'check' : state.step };
    case 'restarted':
      return initialImportWizard;
  }
}

/** Required fields of the chosen kind that no column goes to yet. */
export function missingFields(state: ImportWizardState) {
  return REQUIRED_FIELDS[state.kind].filter((f) => !state.columns.includes(f));
}
