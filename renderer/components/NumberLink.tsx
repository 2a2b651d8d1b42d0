import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';

interface Props {
  to: string;
  /** What the number is ("30 天内到期"), for the link's accessible name. */
  label: string;
  value: string;
  children?: ReactNode;
  strong?: boolean;
}

/** A number that opens the list behind it. */
export function NumberLink({ to, label, value, children, strong }: Props) {
  const { t } = useI18n();
  return (
    <Link to={to} aria-label={t('dashboard.openList', { label, value })} className="number-link">
      {strong ? <Typography.Text strong style={{ color: 'inherit', fontSize: 'inherit' }}>{children ?? value}</Typography.Text> : (children ?? value)}
    </Link>
  );
}
