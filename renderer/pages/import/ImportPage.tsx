import { HistoryOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Spin, Steps, Typography } from 'antd';
import { useReducer } from 'react';
import { useNavigate } from 'react-router';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invalidateDomains } from '../../api/invalidateDomains.ts';
import { invoke } from '../../api/invoke.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExportMenuButton } from '../../components/export/ExportMenuButton.tsx';
import { FileStep } from './FileStep.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingStep } from './MappingStep.tsx';
import { importWizardReducer, initialImportWizard, missingFields, WIZARD_STEPS, type EncodingChoice, type WizardStep } from './importWizardState.ts';
import { PreviewStep } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { uploadFile } from './uploadFile.ts';
import { useImportProgress } from './useImportProgress.ts';

const STEP_TITLES: Record<WizardStep, string> = {
  file: '选择文件',
  preview: '确认编码',
  mapping: '对应列',
  check: '预检查',
  running: '导入',
  done: '完成',
};

/** 导入: file → encoding with a preview → column mapping → dry run → commit with progress → result and undo. */
export function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(importWizardReducer, initialImportWizard);
  const { step, uploading, error, busy, uploadId, preview, encoding, sheet, kind, columns, check, result, undone } = state;
  const progress = useImportProgress(step === 'running' || step === 'check' ? uploadId : null);

  const fail = (e: unknown) => dispatch({ type: 'failed', error: errorMessageOf(e) });
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
      const id = await uploadFile(file, (sent) => dispatch({ type: 'uploadProgress', sent }));
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
        void invalidateDomains(queryClient, ['customers', 'contracts', 'followups', 'import']);
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
      void message.success('已撤销这次导入');
      void invalidateDomains(queryClient, ['customers', 'contracts', 'followups', 'import']);
    } catch (e) {
      dispatch({ type: 'undoFailed' });
      void message.error(errorMessageOf(e));
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
        title="导入导出"
        subtitle="从 Excel / WPS 的续费表导入客户与合同：先预检查，再一次性导入，可整批撤销"
        extra={
          <>
            <Button icon={<HistoryOutlined />} onClick={() => void navigate('/import/history')}>
              导入历史
            </Button>
            <ExportMenuButton />
          </>
        }
      />
      <Card>
        <Steps current={current} items={WIZARD_STEPS.map((s) => ({ title: STEP_TITLES[s] }))} style={{ marginBottom: 24 }} size="small" />
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
                title={check.rejectedRows > 0 ? '预检查完成：有错误的行不会导入，其余的行可以导入' : '预检查完成：没有发现错误'}
                description="到目前为止还没有写入任何数据。"
              />
              <ImportReportView result={check} />
            </>
          ) : null}
          {step === 'running' ? (
            <Flex vertical gap={8} style={{ padding: '24px 0' }}>
              <Typography.Text>正在导入，请稍候（整批在一个事务中写入，中途失败不会留下半批数据）…</Typography.Text>
              <Progress
                percent={progress && progress.totalBytes > 0 ? Math.min(99, Math.round((progress.bytesRead / progress.totalBytes) * 100)) : 0}
                status="active"
              />
              <Typography.Text type="secondary">已读取 {progress?.rows ?? 0} 行</Typography.Text>
            </Flex>
          ) : null}
          {step === 'done' && result ? <ResultStep result={result} undone={undone} undoing={busy} onUndo={() => void undo()} onAgain={restart} /> : null}
        </Spin>
        <Flex justify="space-between" style={{ marginTop: 24 }}>
          <div>{step !== 'file' && step !== 'running' && step !== 'done' ? <Button onClick={restart}>重新选择文件</Button> : null}</div>
          <Flex gap={8}>
            {step === 'preview' ? (
              <Button type="primary" onClick={() => dispatch({ type: 'stepChosen', step: 'mapping' })}>
                下一步：对应列
              </Button>
            ) : null}
            {step === 'mapping' ? (
              <>
                <Button onClick={() => dispatch({ type: 'stepChosen', step: 'preview' })}>上一步</Button>
                <Button type="primary" disabled={missing} loading={busy} onClick={() => void run(true)}>
                  下一步：预检查
                </Button>
              </>
            ) : null}
            {step === 'check' && check ? (
              <>
                <Button onClick={() => dispatch({ type: 'stepChosen', step: 'mapping' })}>上一步</Button>
                <Button type="primary" loading={busy} onClick={() => void run(false)}>
                  确认导入
                </Button>
              </>
            ) : null}
          </Flex>
        </Flex>
      </Card>
    </>
  );
}
