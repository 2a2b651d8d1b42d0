import { Button, Popconfirm, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { ImportResult } from '../../../shared/api/import.contract.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ImportReportView } from './ImportReportView.tsx';

interface Props {
  result: ImportResult;
  undone: boolean;
  undoing: boolean;
  onUndo: () => void;
  onAgain: () => void;
}

/** Step 6: what went in, with undo of the whole batch. */
export function ResultStep({ result, undone, undoing, onUndo, onAgain }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <Result
        status={undone ? 'info' : 'success'}
        title={undone ? t('import.undone') : t('result.done')}
        subTitle={undone ? t('result.undoneHint') : t('result.summary', { file: result.file, rows: result.rows, rejected: result.rejectedRows })}
        extra={[
          <Button key="customers" type="primary" onClick={() => void navigate('/customers')}>
            {t('result.viewCustomers')}
          </Button>,
          undone ? null : (
            <Popconfirm
              key="undo"
              title={t('result.undoConfirm')}
              description={t('result.undoConfirmBody')}
              okText={t('common.undo')}
              cancelText={t('common.cancel')}
              onConfirm={onUndo}
            >
              <Button danger loading={undoing}>
                {t('result.undo')}
              </Button>
            </Popconfirm>
          ),
          <Button key="again" onClick={onAgain}>
            {t('result.again')}
          </Button>,
          <Button key="history" type="link" onClick={() => void navigate('/import/history')}>
            {t('import.history')}
          </Button>,
        ]}
      />
      <ImportReportView result={result} />
    </>
  );
}
