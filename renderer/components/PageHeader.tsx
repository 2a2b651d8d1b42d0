import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** Rendered above the title (breadcrumbs). */
  top?: ReactNode;
}

export function PageHeader({ title, subtitle, extra, top }: Props) {
  return (
    <div style={{ marginBottom: 16 }}>
      {top}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          {/* The page's one <h1>, at the size of a section title. */}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
