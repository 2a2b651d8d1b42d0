import { App, Button, Flex, Popover, Select, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { LadderPreview as Preview } from '../../../shared/api/reminders.contract.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { describeStep, normalizeSteps, stepsProblem } from '../../../shared/reminders/reminderLadder.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { STEP_SEPARATORS } from '../../../shared/domain/typedInput.ts';

const STATUS: Record<Preview['steps'][number]['status'], { text: MessageKey; color: string }> = {
  pending: { text: 'ladder.statusPending', color: 'blue' },
  snoozed: { text: 'ladder.statusSnoozed', color: 'purple' },
  fired: { text: 'ladder.statusFired', color: 'green' },
  superseded: { text: 'ladder.statusSuperseded', color: 'default' },
  done: { text: 'ladder.statusDone', color: 'default' },
};

/** "This contract will remind you on …": every step with its date and what happened to it. */
function LadderPanel({ contractId }: { contractId: string }) {
  const { t } = useI18n();
  const preview = useApiQuery('reminders:preview', { contractId });
  if (preview.isPending) return <Spin size="small" />;
  if (!preview.data) return <Typography.Text type="danger">{preview.error && errorMessageOf(preview.error, t)}</Typography.Text>;
  if (preview.data.inactiveReason) return <Typography.Text type="secondary">{preview.data.inactiveReason}</Typography.Text>;
  return (
    <>
      <LadderSteps steps={preview.data.steps} />
      <LadderOverride contractId={contractId} override={preview.data.overrideSteps} />
    </>
  );
}

function LadderSteps({ steps }: { steps: Preview['steps'] }) {
  const { t } = useI18n();
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16, minWidth: 300 }}
      items={steps.map((s) => ({
        color: s.status === 'pending' ? 'blue' : s.status === 'fired' ? 'green' : 'gray',
        content: (
          <span>
            {formatInstant(s.dueAt, true)} · {describeStep(s.step, t)}{' '}
            {s.status === 'pending' && Date.parse(s.dueAt) <= Date.now() ? (
              // Due while nothing was running: the next tick (within a minute) catches it up.
              <Tag color="orange">{t('ladder.catchingUp')}</Tag>
            ) : (
              <Tag color={STATUS[s.status].color}>{t(STATUS[s.status].text)}</Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}

/** A contract's own ladder, overriding its tier's; cleared, the tier's ladder applies again. */
function LadderOverride({ contractId, override }: { contractId: string; override: number[] | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [steps, setSteps] = useState<number[]>(override ?? []);
  const save = useApiMutation('reminders:setContractLadder');
  useEffect(() => setSteps(override ?? []), [override]);
  const problem = steps.length > 0 ? stepsProblem(steps, t) : null;
  return (
    <Flex vertical gap={6} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('ladder.overrideHint')}</Typography.Text>
      <Flex gap={6}>
        <Select<string[]>
          mode="tags"
          size="small"
          aria-label={t('ladder.overrideSteps')}
          style={{ minWidth: 220, flex: 1 }}
          value={steps.map(String)}
          tokenSeparators={[...STEP_SEPARATORS]}
          onChange={(v) => setSteps(normalizeSteps(v.map(Number).filter((n) => Number.isFinite(n))))}
        />
        <Button
          size="small"
          disabled={problem !== null}
          onClick={() =>
            save.mutate(
              { contractId, steps: steps.length > 0 ? steps : null },
              {
                onSuccess: () => void message.success(t(steps.length > 0 ? 'ladder.overrideSaved' : 'ladder.overrideCleared')),
                onError: (e) => void message.error(e.message),
              },
            )
          }
        >
          {t('common.save')}
        </Button>
      </Flex>
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
    </Flex>
  );
}

export function LadderPreviewPopover({ contractId, children }: { contractId: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Popover title={t('ladder.popoverTitle')} trigger="click" content={<LadderPanel contractId={contractId} />} destroyOnHidden>
      {children}
    </Popover>
  );
}
