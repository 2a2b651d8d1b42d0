import { HistoryOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportPreview, ImportResult } from '../../../shared/api/import.contract.ts';
import { mapHeaders } from '../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS, type ImportKind } from '../../../shared/importExport/importFields.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invalidateDomains } from '../../api/invalidateDomains.ts';
import { invoke } from '../../api/invoke.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExportMenuButton } from '../../components/export/ExportMenuButton.tsx';
import { FileStep } from './FileStep.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep, type EncodingChoice } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { uploadFile } from './uploadFile.ts';
import { useImportProgress } from './useImportProgress.ts';

type Step = 'file' | 'preview' | 'mapping' | 'check' | 'running' | 'done';
const STEPS: { key: Step; title: string }[] = [
  { key: 'file', title: '选择文件' },
  { key: 'preview', title: '确认编码' },
  { key: 'mapping', title: '对应列' },
  { key: 'check', title: '预检查' },
  { key: 'running', title: '导入' },
  { key: 'done', title: '完成' },
];

/** 导入: file → encoding with a preview → column mapping → dry run → commit with progress → result and undo. */
export function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('file');
  const [uploading, setUploading] = useState<{ name: string; sent: number; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [sheet, setSheet] = useState<string | undefined>();
  const [kind, setKind] = useState<ImportKind>('contracts');
  const [columns, setColumns] = useState<(string | null)[]>([]);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  const progress = useImportProgress(step === 'running' || step === 'check' ? uploadId : null);

  const fail = (e: unknown) => setError(errorMessageOf(e));
  const loadPreview = async (id: string, enc: EncodingChoice, sh?: string) => {
    setBusy(true);
    setError(null);
    try {
      const p = await invoke('import:preview', { uploadId: id, encoding: enc, ...(sh ? { sheet: sh } : {}) });
      setPreview(p);
      setKind(p.proposedKind);
      setColumns(p.columns);
      setStep('preview');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (file: File) => {
    setError(null);
    setUploading({ name: file.name, sent: 0, size: file.size });
    try {
      const id = await uploadFile(file, (sent) => setUploading({ name: file.name, sent, size: file.size }));
      setUploadId(id);
      setEncoding('auto');
      setSheet(undefined);
      await loadPreview(id, 'auto');
    } catch (e) {
      fail(e);
    } finally {
      setUploading(null);
    }
  };
  const run = async (dryRun: boolean) => {
    if (!uploadId) return;
    setBusy(true);
    setError(null);
    if (!dryRun) setStep('running');
    try {
      const r = await invoke('import:run', { uploadId, kind, encoding, columns, dryRun, ...(sheet ? { sheet } : {}) });
      if (dryRun) {
        setCheck(r);
        setStep('check');
      } else {
        setResult(r);
        setUndone(false);
        setStep('done');
        void invalidateDomains(queryClient, ['customers', 'contracts', 'followups', 'import']);
      }
    } catch (e) {
      fail(e);
      if (!dryRun) setStep('check');
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (!result?.batchId) return;
    setBusy(true);
    try {
      await invoke('import:undo', { batchId: result.batchId });
      setUndone(true);
      void message.success('已撤销这次导入');
      void invalidateDomains(queryClient, ['customers', 'contracts', 'followups', 'import']);
    } catch (e) {
      void message.error(errorMessageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    if (uploadId) void invoke('import:discard', { uploadId }).catch(() => undefined);
    setStep('file');
    setUploadId(null);
    setPreview(null);
    setCheck(null);
    setResult(null);
    setError(null);
  };
  const changeKind = (k: ImportKind) => {
    setKind(k);
    if (preview) setColumns(mapHeaders(k, preview.headers).columns);
  };
  const missing = REQUIRED_FIELDS[kind].some((f) => !columns.includes(f));
  const current = STEPS.findIndex((s) => s.key === step);

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
        <Steps current={current} items={STEPS.map((s) => ({ title: s.title }))} style={{ marginBottom: 24 }} size="small" />
        {error && step !== 'file' ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Spin spinning={busy && step !== 'running'}>
          {step === 'file' ? <FileStep uploading={uploading} error={error} onFile={(f) => void onFile(f)} /> : null}
          {step === 'preview' && preview ? (
            <PreviewStep
              preview={preview}
              encoding={encoding}
              loading={busy}
              onEncoding={(e) => {
                setEncoding(e);
                if (uploadId) void loadPreview(uploadId, e, sheet);
              }}
              onSheet={(s) => {
                setSheet(s);
                if (uploadId) void loadPreview(uploadId, encoding, s);
              }}
            />
          ) : null}
          {step === 'mapping' && preview ? (
            <MappingStep preview={preview} kind={kind} columns={columns} onKind={changeKind} onColumns={setColumns} />
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
              <Button type="primary" onClick={() => setStep('mapping')}>
                下一步：对应列
              </Button>
            ) : null}
            {step === 'mapping' ? (
              <>
                <Button onClick={() => setStep('preview')}>上一步</Button>
                <Button type="primary" disabled={missing} loading={busy} onClick={() => void run(true)}>
                  下一步：预检查
                </Button>
              </>
            ) : null}
            {step === 'check' && check ? (
              <>
                <Button onClick={() => setStep('mapping')}>上一步</Button>
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
