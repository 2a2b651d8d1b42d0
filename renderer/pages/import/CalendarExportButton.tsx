import { CalendarOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { invoke } from '../../api/invoke.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { saveExport } from '../../components/export/downloadExport.ts';
import { useExportRunner } from '../../components/export/useExportRunner.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** 续约日历 (.ics): every owner's contract end dates, or one owner's, with alarms on each contract's reminder steps. */
export function CalendarExportButton() {
  const { t } = useI18n();
  const { busy, run } = useExportRunner('export.calendarDone');
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const download = () => {
    setOpen(false);
    run(async () => saveExport(await invoke('export:calendar', ownerId === null ? {} : { ownerId })));
  };
  return (
    <>
      <Button icon={<CalendarOutlined />} loading={busy} onClick={() => setOpen(true)}>
        {t('export.calendar')}
      </Button>
      <Modal title={t('export.calendar')} open={open} okText={t('export.calendarDownload')} onOk={download} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('export.calendarHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('export.calendarOwner')} htmlFor="calendar-owner">
            <OwnerSelect id="calendar-owner" value={ownerId} onChange={setOwnerId} placeholder={t('export.calendarAllOwners')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
