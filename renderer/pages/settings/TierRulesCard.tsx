import { CrownOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import type { TierClassifyResult, TierMove } from '../../../shared/api/tiers.contract.ts';
import { DEFAULT_TIER_RULES, TIER_FACTS, type TierFact, type TierRuleSet } from '../../../shared/tiers/tierRules.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { TierTag } from '../../components/TierTag.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';

// Amounts are edited in yuan and stored in fen.
const toInput = (fact: TierFact, min: number) => (fact === 'annualValueFen' ? min / 100 : min);
const fromInput = (fact: TierFact, value: number) => (fact === 'annualValueFen' ? Math.round(value * 100) : Math.round(value));

/** 设置 → 客户等级规则: edit the rules, preview who moves, apply (the rules are saved with the apply). */
export function TierRulesCard() {
  const { t } = useI18n();
  const { label: tierLabel, tiers } = useTiers();
  const { message } = App.useApp();
  const stored = useApiQuery('tiers:rules', {});
  const [rules, setRules] = useState<TierRuleSet | null>(null);
  const [preview, setPreview] = useState<TierClassifyResult | null>(null);
  const classify = useApiMutation('tiers:classify', { onError: (e) => void message.error(e.message) });
  useEffect(() => {
    if (stored.data && rules === null) setRules(stored.data);
  }, [stored.data, rules]);
  if (!rules) return <Card title={t('tiersUi.cardTitle')} loading />;

  const change = (next: TierRuleSet) => {
    setRules(next);
    setPreview(null);
  };
  // Any tier of the table can have a rule (migration 0019); rules stay in the table's rank order, as the service wants.
  const rankOf = (code: string) => tiers.find((x) => x.code === code)?.rank ?? Number.MAX_SAFE_INTEGER;
  const ruleless = tiers.filter((x) => x.code !== rules.fallback && !rules.rules.some((r) => r.tier === x.code));
  const addRule = (tier: string) =>
    change({ ...rules, rules: [...rules.rules, { tier, combine: 'any' as const, conditions: [{ fact: 'annualValueFen' as const, min: 0 }] }].sort((a, b) => rankOf(a.tier) - rankOf(b.tier)) });
  const setRule = (i: number, patch: Partial<TierRuleSet['rules'][number]>) => change({ ...rules, rules: rules.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const runPreview = () => classify.mutate({ dryRun: true, rules, limit: 200 }, { onSuccess: setPreview });
  const apply = () =>
    classify.mutate(
      { dryRun: false, rules, limit: 200 },
      {
        onSuccess: (r) => {
          setPreview(null);
          void message.success(t('tiersUi.applied', { n: r.total }));
        },
      },
    );

  const columns: TableProps<TierMove>['columns'] = [
    { key: 'name', title: t('tiersUi.colCustomer'), dataIndex: 'name' },
    {
      key: 'move',
      title: t('tiersUi.colMove'),
      render: (_, m) => (
        <Space size={4}>
          <TierTag tier={m.from} />→<TierTag tier={m.to} />
          {m.pinned && <Typography.Text type="secondary">{t('tiersUi.pinnedKept')}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'reason', title: t('tiersUi.colReason'), dataIndex: 'reason' },
  ];
  const pinnedCount = preview ? preview.items.filter((m) => m.pinned).length : 0;

  return (
    <Card title={<><CrownOutlined /> {t('tiersUi.cardTitle')}</>} data-testid="tier-rules">
      <Typography.Paragraph type="secondary">{t('tiersUi.hint')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('tiersUi.defaults')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {rules.rules.map((rule, i) => (
          <Card key={i} size="small" title={<TierTag tier={rule.tier} />}
            extra={
              <Space size={4}>
                <Select
                  size="small"
                  aria-label={t('tiersUi.combine')}
                  value={rule.combine}
                  onChange={(combine) => setRule(i, { combine })}
                  options={[{ value: 'any', label: t('tiersUi.combineAny') }, { value: 'all', label: t('tiersUi.combineAll') }]}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('tierTable.ruleRemove', { tier: tierLabel(rule.tier) })}
                  onClick={() => change({ ...rules, rules: rules.rules.filter((_, j) => j !== i) })}
                />
              </Space>
            }
          >
            <Flex vertical gap={8}>
              {rule.conditions.map((c, k) => (
                <Space key={k} wrap>
                  <Select
                    style={{ width: 200 }}
                    aria-label={t('tiersUi.fact')}
                    value={c.fact}
                    onChange={(fact: TierFact) => setRule(i, { conditions: rule.conditions.map((x, j) => (j === k ? { fact, min: 0 } : x)) })}
                    options={TIER_FACTS.map((f) => ({ value: f, label: t(`tiersUi.fact.${f}`) }))}
                  />
                  <span>≥</span>
                  <InputNumber
                    aria-label={`${tierLabel(rule.tier)} ${t(`tiersUi.fact.${c.fact}`)}`}
                    min={0}
                    value={toInput(c.fact, c.min)}
                    onChange={(v) => setRule(i, { conditions: rule.conditions.map((x, j) => (j === k ? { ...x, min: fromInput(x.fact, v ?? 0) } : x)) })}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('tiersUi.removeCondition')}
                    onClick={() => setRule(i, { conditions: rule.conditions.filter((_, j) => j !== k) })}
                  />
                </Space>
              ))}
              <div>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setRule(i, { conditions: [...rule.conditions, { fact: 'annualValueFen', min: 0 }] })}>
                  {t('tiersUi.addCondition')}
                </Button>
              </div>
            </Flex>
          </Card>
        ))}
        {ruleless.length > 0 ? (
          <div>
            <Select<string>
              style={{ width: 220 }}
              aria-label={t('tierTable.ruleAdd')}
              placeholder={t('tierTable.ruleAdd')}
              value={null}
              onChange={addRule}
              options={ruleless.map((x) => ({ value: x.code, label: tierLabel(x.code) }))}
            />
          </div>
        ) : null}
        <Space wrap>
          <span>{t('tiersUi.purchaseYears')}</span>
          <InputNumber aria-label={t('tiersUi.purchaseYears')} min={1} max={50} value={rules.purchaseYears} onChange={(v) => change({ ...rules, purchaseYears: v ?? 1 })} />
          <Typography.Text type="secondary">{t('tiersUi.fallback', { tier: tierLabel(rules.fallback) })}</Typography.Text>
        </Space>
        <Space wrap>
          <Button onClick={runPreview} loading={classify.isPending && classify.variables?.dryRun === true}>
            {t('tiersUi.preview')}
          </Button>
          <Button type="primary" onClick={apply} loading={classify.isPending && classify.variables?.dryRun === false}>
            {t('tiersUi.apply')}
          </Button>
          <Button type="link" onClick={() => change(DEFAULT_TIER_RULES)}>
            {t('tiersUi.reset')}
          </Button>
        </Space>
        {preview && (
          <>
            <Alert type="info" showIcon message={t('tiersUi.previewSummary', { n: preview.total, pinned: pinnedCount })} />
            <Table<TierMove> size="small" rowKey="customerId" columns={columns} dataSource={preview.items} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          </>
        )}
      </Flex>
    </Card>
  );
}
