import { Button, Card, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SurveyDimension } from '../../../shared/api/surveys.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { App } from 'antd';
import { useDimensionLabel, useSurveyDimensions, useSurveyUndo } from './useSurveyDimensions.ts';

/** The dimensions: rename, add, retire (its scores stay in the results) or bring back. */
export function DimensionsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { query, all } = useSurveyDimensions();
  const label = useDimensionLabel();
  const offerUndo = useSurveyUndo();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [adding, setAdding] = useState('');
  const fail = (e: unknown) => void message.error(errorMessageOf(e, t));
  const rename = (d: SurveyDimension) =>
    void invoke('surveys:setDimension', { id: d.id, name, version: d.version }).then((r) => {
      setRenaming(null);
      offerUndo(t('surveys.dimensionSaved'), r.undoToken);
    }, fail);
  const add = () =>
    void invoke('surveys:setDimension', { name: adding }).then((r) => {
      setAdding('');
      offerUndo(t('surveys.dimensionAdded'), r.undoToken);
    }, fail);
  const retire = (d: SurveyDimension, retired: boolean) =>
    void invoke('surveys:retireDimension', { id: d.id, retired }).then((r) => offerUndo(t(retired ? 'surveys.dimensionRetired' : 'surveys.dimensionRestored'), r.undoToken), fail);
  return (
    <Card title={t('surveys.dimensionsTitle')}>
      <Typography.Paragraph type="secondary">{t('surveys.dimensionsHint')}</Typography.Paragraph>
      <List<SurveyDimension>
        loading={query.isLoading}
        dataSource={all}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="rename" size="small" type="link" onClick={() => (setRenaming(d.id), setName(label(d)))}>
                {t('surveys.rename')}
              </Button>,
              <Button key="retire" size="small" type="link" onClick={() => retire(d, d.retiredOn === null)}>
                {d.retiredOn === null ? t('surveys.retire') : t('surveys.restore')}
              </Button>,
            ]}
          >
            {renaming === d.id ? (
              <Space.Compact>
                <Input aria-label={t('surveys.dimensionName')} autoFocus value={name} maxLength={20} onChange={(e) => setName(e.target.value)} onPressEnter={() => rename(d)} />
                <Button type="primary" onClick={() => rename(d)}>
                  {t('common.save')}
                </Button>
                <Button onClick={() => setRenaming(null)}>{t('common.cancel')}</Button>
              </Space.Compact>
            ) : (
              <Space>
                <Typography.Text>{label(d)}</Typography.Text>
                {d.retiredOn ? <Tag>{t('surveys.retiredOn', { date: d.retiredOn })}</Tag> : null}
              </Space>
            )}
          </List.Item>
        )}
      />
      <Form layout="inline" onFinish={add} style={{ marginTop: 12 }}>
        <Flex gap={8}>
          <Input aria-label={t('surveys.newDimension')} placeholder={t('surveys.newDimension')} value={adding} maxLength={20} onChange={(e) => setAdding(e.target.value)} />
          <Button htmlType="submit" disabled={adding.trim() === ''}>
            {t('surveys.addDimension')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
