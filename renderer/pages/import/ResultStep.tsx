import { Button, Popconfirm, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { ImportResult } from '../../../shared/api/import.contract.ts';
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
  const navigate = useNavigate();
  return (
    <>
      <Result
        status={undone ? 'info' : 'success'}
        title={undone ? '已撤销这次导入' : '导入完成'}
        subTitle={
          undone
            ? '这次导入新增的记录已删除，被更新的字段已恢复为导入前的值。'
            : `${result.file}：读取 ${result.rows} 行，其中 ${result.rejectedRows} 行有错误未导入。可以在“导入历史”中随时撤销整批导入。`
        }
        extra={[
          <Button key="customers" type="primary" onClick={() => void navigate('/customers')}>
            查看客户
          </Button>,
          undone ? null : (
            <Popconfirm
              key="undo"
              title="撤销这次导入？"
              description="新增的记录会被删除，更新过的字段恢复原值。"
              okText="撤销"
              cancelText="取消"
              onConfirm={onUndo}
            >
              <Button danger loading={undoing}>
                撤销这次导入
              </Button>
            </Popconfirm>
          ),
          <Button key="again" onClick={onAgain}>
            再导入一个文件
          </Button>,
          <Button key="history" type="link" onClick={() => void navigate('/import/history')}>
            导入历史
          </Button>,
        ]}
      />
      <ImportReportView result={result} />
    </>
  );
}
