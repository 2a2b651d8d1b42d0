import { Alert, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';

export interface MergePair {
  /** Listed first: kept by default. */
  keepId: string;
  keepName: string;
  /** Listed second: folded into the first by default. */
  dropId: string;
  dropName: string;
}

/** Asks which of two likely duplicates stays, saying what moves and that the other name stays findable. */
export function MergeCustomersModal(props: { pair: MergePair | null; busy: boolean; onCancel: () => void; onMerge: (from: string, into: string) => void }) {
  const { t } = useI18n();
  const { pair } = props;
  const [swapped, setSwapped] = useState(false);
  useEffect(() => setSwapped(false), [pair]);
  if (!pair) return null;
  const into = swapped ? { id: pair.dropId, name: pair.dropName } : { id: pair.keepId, name: pair.keepName };
  const from = swapped ? { id: pair.keepId, name: pair.keepName } : { id: pair.dropId, name: pair.dropName };
  return (
    <Modal
      open
      title={t('merge.title')}
      okText={t('merge.confirm')}
      okButtonProps={{ danger: true, loading: props.busy }}
      onCancel={props.onCancel}
      onOk={() => props.onMerge(from.id, into.id)}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={swapped} onChange={(e) => setSwapped(Boolean(e.target.value))}>
          <Space direction="vertical">
            <Radio value={false}>{t('merge.keep', { name: pair.keepName })}</Radio>
            <Radio value={true}>{t('merge.keep', { name: pair.dropName })}</Radio>
          </Space>
        </Radio.Group>
        <Alert type="info" showIcon message={<Typography.Text>{t('merge.intro', { from: from.name, into: into.name })}</Typography.Text>} />
      </Space>
    </Modal>
  );
}
