import { App } from 'antd';
import { useState } from 'react';
import type { SavedExport } from './downloadExport.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/**
 * Runs one export at a time and says how it went (`doneKey` with {rows} and {file}: a calendar counts events, not
 * rows); `headers` is the sheet's header language, the UI's.
 */
export function useExportRunner(doneKey: MessageKey = 'export.done') {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = (exportIt: () => Promise<SavedExport>) => {
    setBusy(true);
    exportIt()
      .then((r) => {
        // Cancelling the save dialog is the user's choice, not a failure: nothing to say.
        if (!r.saved.saved) return;
        void message.success(t(doneKey, { rows: r.rows, file: r.saved.path ?? r.fileName }));
      })
      .catch((e: unknown) => void message.error(t('export.failed', { error: errorMessageOf(e, t) })))
      .finally(() => setBusy(false));
  };
  // Both re-import: the header aliases know either language.
  const headers = locale === 'zh-CN' ? ('zh' as const) : ('en' as const);
  return { busy, run, headers };
}
