import { App, Flex, Popconfirm, Tag, Tooltip } from 'antd';
import type { CustomerAlias } from '../../../shared/api/customerAliases.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** 曾用名/别名: the names of customers merged into this one, each with its merge date; one can be removed (audited). */
export function CustomerAliases({ aliases }: { aliases: readonly CustomerAlias[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const remove = useApiMutation('customers:removeAlias', {
    onSuccess: (r) => void message.success(t('aliases.removed', { name: r.name })),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Flex gap={4} wrap>
      {aliases.map((a) => (
        <Popconfirm
          key={a.id}
          title={t('aliases.removeConfirm', { name: a.name })}
          okText={t('aliases.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutate({ id: a.id })}
        >
          <Tooltip title={t('aliases.hint')}>
            <Tag closable onClose={(e) => e.preventDefault()} closeIcon={<span aria-label={`${t('aliases.remove')} ${a.name}`}>×</span>}>
              {a.name} · {t('aliases.mergedAt', { date: formatInstant(a.mergedAt) })}
            </Tag>
          </Tooltip>
        </Popconfirm>
      ))}
    </Flex>
  );
}
