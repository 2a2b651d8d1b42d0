import { App } from 'antd';
import { useState } from 'react';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Runs one export at a time and says how it went; `headers` is the sheet's header language, the UI's. */
export function useExportRunner() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = (exportIt: () => Promise<ExportResult>) => {
    setBusy(true);
    exportIt()
      .then((r) => void message.success(t('export.done', { rows: r.rows, file: r.fileName })))
      .catch((e: unknown) => void message.error(t('export.failed', { error: errorMessageOf(e, t) })))
      .finally(() => setBusy(false));
  };
  // Both re-import: the header aliases know either language.
  const headers = locale === 'zh-CN' ? ('zh' as const) : ('en' as const);
  return { busy, run, headers };
}
