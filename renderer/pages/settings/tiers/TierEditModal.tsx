import { Form, Input, Select, Space, Tag } from 'antd';
import { useEffect } from 'react';
import type { TierItem } from '../../../../shared/api/tierTable.contract.ts';
import { labelOf, tierLabels } from '../../../../shared/i18n/enumLabels.ts';
import { describeStep, normalizeSteps } from '../../../../shared/reminders/reminderLadder.ts';
import { STEP_SEPARATORS } from '../../../../shared/domain/typedInput.ts';
import { TIER_COLOURS, type TierColour } from '../../../../shared/tiers/tierTable.ts';
import { useApiMutation } from '../../../api/useApi.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { sameNames } from '../../../forms/applyApiError.ts';
import { maxRule, requiredRule } from '../../../forms/fieldRules.ts';
import { useFormSubmit } from '../../../forms/useFormSubmit.ts';
import { useI18n } from '../../../i18n/useI18n.ts';

interface Values {
  name?: string;
  colour: TierColour;
  ladder?: string[];
  template?: string;
}

const STEP_CHOICES = [90, 60, 30, 15, 7, 3, 1, 0, -1, -3, -7];

/** Adds a tier (name, colour) or edits one (also its reminder ladder and template). */
export function TierEditModal({ tier, onClose }: { tier: TierItem | 'new' | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const add = useApiMutation('tiers:create');
  const update = useApiMutation('tiers:update');
  const editing = tier !== null && tier !== 'new' ? tier : null;
  const builtinName = editing?.builtin ? labelOf(tierLabels, editing.code, locale) : null;

  useEffect(() => {
    if (tier === null) return;
    form.setFieldsValue(
      editing
        ? { name: editing.name ?? '', colour: editing.colour, ladder: editing.ladder.map(String), template: editing.template }
        : { name: '', colour: 'green' },
    );
  }, [tier, editing, form]);

  const submit = useFormSubmit(form, {
    fields: sameNames('name', 'colour', 'ladder', 'template'),
    save: (v: Values) => {
      const name = (v.name ?? '').trim();
      if (!editing) return add.mutateAsync({ name, colour: v.colour });
      const ladder = normalizeSteps((v.ladder ?? []).map(Number).filter((n) => Number.isFinite(n)));
      const template = v.template ?? '';
      // Only what changed: a new ladder recomputes every pending reminder, a rename need not.
      const ladderChanged = ladder.join(',') !== editing.ladder.join(',');
      return update.mutateAsync({
        code: editing.code,
        version: editing.version,
        // A built-in left without a name takes its catalogue name back.
        name: name === '' && editing.builtin ? null : name,
        colour: v.colour,
        ...(ladderChanged ? { ladder } : {}),
        ...(template.trim() !== editing.template ? { template } : {}),
      });
    },
    successMessage: (r) => (editing ? t('tierTable.saved') : t('tierTable.added', { name: r.label })),
    onSaved: onClose,
  });

  return (
    <FormModal<Values>
      name="tier"
      title={editing ? t('tierTable.editTitle', { name: editing.label }) : t('tierTable.addTitle')}
      open={tier !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      width={editing ? 620 : 440}
    >
      <Form.Item
        name="name"
        label={t('tierTable.fieldName')}
        extra={builtinName ? t('tierTable.fieldNameBuiltinHint', { name: builtinName }) : undefined}
        rules={[...(builtinName ? [] : [requiredRule(t, t('tierTable.fieldName'))]), maxRule(t, 20)]}
      >
        <Input autoFocus placeholder={builtinName ?? undefined} />
      </Form.Item>
      <Form.Item name="colour" label={t('tierTable.fieldColour')}>
        <Select<TierColour>
          aria-label={t('tierTable.fieldColour')}
          options={TIER_COLOURS.map((c) => ({
            value: c,
            label: (
              <Space size={6}>
                <Tag color={c} style={{ marginInlineEnd: 0 }}>
                  {t(`tierTable.colour.${c}`)}
                </Tag>
              </Space>
            ),
          }))}
        />
      </Form.Item>
      {editing ? (
        <>
          <Form.Item name="ladder" label={t('tierTable.fieldLadder')} rules={[{ required: true, message: t('ladder.problemEmpty') }]}>
            <Select<string[]>
              mode="tags"
              aria-label={t('tierTable.fieldLadder')}
              tokenSeparators={[...STEP_SEPARATORS]}
              options={STEP_CHOICES.map((n) => ({ value: String(n), label: describeStep(n, t) }))}
            />
          </Form.Item>
          <Form.Item name="template" label={t('tierTable.fieldTemplate')} rules={[requiredRule(t, t('tierTable.fieldTemplate')), maxRule(t, 500)]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
