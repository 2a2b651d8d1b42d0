import { Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FollowUp } from '../../../shared/api/followUps.contract.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ComplaintFormModal } from './ComplaintFormModal.tsx';
import { ComplaintStepTag } from './complaintTags.tsx';

/** On a 投诉 follow-up: 转为投诉 (prefilled from it), or, once turned, its complaint's step linking to it. */
export function ComplaintFromFollowUp({ followUp }: { followUp: FollowUp }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const complaints = useApiQuery('complaints:list', { customerId: followUp.customerId });
  const linked = complaints.data?.items.find((c) => c.followUpId === followUp.id);
  if (complaints.isPending) return null;
  if (linked) {
    return (
      <Link to={`/complaints?id=${linked.id}`} style={{ fontSize: 12 }}>
        <ComplaintStepTag step={linked.step} />
      </Link>
    );
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('complaints.fromFollowUp')}
      </Button>
      <ComplaintFormModal open={open} onClose={() => setOpen(false)} followUp={followUp} />
    </>
  );
}
