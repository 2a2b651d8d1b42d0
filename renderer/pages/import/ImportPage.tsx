import { HistoryOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { Alert, App, Button, Card, Flex, Progress, Spin, Steps, Typography } from 'antd';
import { useReducer } from 'react';
import { useNavigate } from 'react-router';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invoke } from '../../api/invoke.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ExportMenuButton } from '../../components/export/ExportMenuButton.tsx';
import { CalendarExportButton } from './CalendarExportButton.tsx';
import { FileStep } from './FileStep.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingStep } from './MappingStep.tsx';
import { importWizardReducer, initialImportWizard, missingFields, WIZARD_STEPS, type EncodingChoice, type WizardStep } from './importWizardState.ts';
import { PreviewStep } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { uploadFile } from './uploadFile.ts';
import { useImportProgress } from './useImportProgress.ts';

const STEP_TITLES: Record<WizardStep, MessageKey> = {
  file: 'import.stepFile',
  preview: 'import.stepPreview',
  mapping: 'import.stepMapping',
  check: 'import.stepCheck',
  running: 'import.stepRunning',
  done: 'import.stepDone',
};

/** 导入: file → encoding with a preview → column mapping → dry run → commit with progress → result and undo. */
export function ImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(importWizardReducer, initialImportWizard);
  const { step, uploading, error, busy, uploadId, preview, encoding, sheet, kind, columns, check, result, undone } = state;
  const progress = useImportProgress(step === 'running' || step === 'check' ? uploadId : null);

  const fail = (e: unknown) => dispatch({ type: 'failed', error: errorMessageOf(e, t) });
  const loadPreview = async (id: string, enc: EncodingChoice, sh: string | undefined) => {
    dispatch({ type: 'previewRequested', encoding: enc, sheet: sh });
    try {
      const p = await invoke('import:preview', { uploadId: id, encoding: enc, ...(sh ? { sheet: sh } : {}) });
      dispatch({ type: 'previewLoaded', preview: p });
    } catch (e) {
      fail(e);
    }
  };
  const onFile = async (file: File) => {
    dispatch({ type: 'uploadStarted', name: file.name, size: file.size });
    try {
      const id = await uploadFile(file, (sent) => dispatch({ type: 'uploadProgress', sent }), t('import.readFailed'));
      dispatch({ type: 'uploaded', uploadId: id });
      await loadPreview(id, 'auto', undefined);
    } catch (e) {
      fail(e);
    } finally {
      dispatch({ type: 'uploadEnded' });
    }
  };
  const run = async (dryRun: boolean) => {
    if (!uploadId) return;
    dispatch({ type: 'runStarted', dryRun });
    try {
      const r = await invoke('import:run', { uploadId, kind, encoding, columns, dryRun, ...(sheet ? { sheet } : {}) });
      if (dryRun) dispatch({ type: 'checked', result: r });
      else {
        dispatch({ type: 'imported', result: r });
      }
    } catch (e) {
      fail(e);
    }
  };
  const undo = async () => {
    if (!result?.batchId) return;
    dispatch({ type: 'undoStarted' });
    try {
      await invoke('import:undo', { batchId: result.batchId });
      dispatch({ type: 'undone' });
      void message.success(t('import.undone'));
    } catch (e) {
      dispatch({ type: 'undoFailed' });
      void message.error(errorMessageOf(e, t));
    }
  };
  const restart = () => {
    if (uploadId) void invoke('import:discard', { uploadId }).catch(() => undefined);
    dispatch({ type: 'restarted' });
  };
  const missing = missingFields(state).length > 0;
  const current = WIZARD_STEPS.indexOf(step);

  return (
    <>
      <PageHeader
        title={t('nav.import')}
        subtitle={t('import.subtitle')}
        extra={
          <>
            <Button icon={<HistoryOutlined />} onClick={() => void navigate('/import/history')}>
              {t('import.history')}
            </Button>
            <ExportMenuButton />
            <CalendarExportButton />
          </>
        }
      />
      <Card>
        <Steps current={current} items={WIZARD_STEPS.map((s) => ({ title: t(STEP_TITLES[s]) }))} style={{ marginBottom: 24 }} size="small" />
        {error && step !== 'file' ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Spin spinning={busy && step !== 'running'}>
          {step === 'file' ? <FileStep uploading={uploading} error={error} onFile={(f) => void onFile(f)} /> : null}
          {step === 'preview' && preview ? (
            <PreviewStep
              preview={preview}
              encoding={encoding}
              loading={busy}
              onEncoding={(e) => {
                if (uploadId) void loadPreview(uploadId, e, sheet);
              }}
              onSheet={(s) => {
                if (uploadId) void loadPreview(uploadId, encoding, s);
              }}
            />
          ) : null}
          {step === 'mapping' && preview ? (
            <MappingStep preview={preview} kind={kind} columns={columns} onKind={(k) => dispatch({ type: 'kindChosen', kind: k })} onColumns={(c) => dispatch({ type: 'columnsChosen', columns: c })} />
          ) : null}
          {step === 'check' && check ? (
            <>
              <Alert
                type={check.rejectedRows > 0 ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 16 }}
                title={check.rejectedRows > 0 ? t('import.checkedWithErrors') : t('import.checkedClean')}
                description={t('import.nothingWritten')}
              />
              <ImportReportView result={check} />
            </>
          ) : null}
          {step === 'running' ? (
            <Flex vertical gap={8} style={{ padding: '24px 0' }}>
              <Typography.Text>{t('import.running')}</Typography.Text>
              <Progress
                percent={progress && progress.totalBytes > 0 ? Math.min(99, Math.round((progress.bytesRead / progress.totalBytes) * 100)) : 0}
                status="active"
              />
              <Typography.Text type="secondary">{t('import.rowsRead', { n: progress?.rows ?? 0 })}</Typography.Text>
            </Flex>
          ) : null}
          {step === 'done' && result ? <ResultStep result={result} undone={undone} undoing={busy} onUndo={() => void undo()} onAgain={restart} /> : null}
        </Spin>
        <Flex justify="space-between" style={{ marginTop: 24 }}>
          <div>{step !== 'file' && step !== 'running' && step !== 'done' ? <Button onClick={restart}>{t('import.restart')}</Button> : null}</div>
          <Flex gap={8}>
            {step === 'preview' ? (
              <Button type="primary" onClick={() => dispatch({ type: 'stepChosen', step: 'mapping' })}>
                {t('import.toMapping')}
              </Button>
            ) : null}
            {step === 'mapping' ? (
              <>
                <Button onClick={() => dispatch({ type: 'stepChosen', step: 'preview' })}>{t('common.back')}</Button>
                <Button type="primary" disabled={missing} loading={busy} onClick={() => void run(true)}>
                  {t('import.toCheck')}
                </Button>
              </>
            ) : null}
            {step === 'check' && check ? (
              <>
                <Button onClick={() => dispatch({ type: 'stepChosen', step: 'mapping' })}>{t('common.back')}</Button>
                <Button type="primary" loading={busy} onClick={() => void run(false)}>
                  {t('import.commit')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Flex>
      </Card>
    </>
  );
}
