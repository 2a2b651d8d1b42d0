import { Alert, Card, Col, Collapse, Row, Statistic, Table, Typography, type CollapseProps } from 'antd';
import type { ImportChange, ImportIssue, ImportResult } from '../../../shared/api/import.contract.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { msg, renderMessage } from '../../../shared/i18n/message.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { encodingName } from './importLabels.ts';
import { IssuesDownloadButton } from './IssuesDownloadButton.tsx';

const ENTITY_LABELS: Record<ImportChange['entity'], MessageKey> = {
  customer: 'report.entityCustomer',
  contact: 'report.entityContact',
  contract: 'report.entityContract',
  followup: 'report.entityFollowup',
};
/** The service lists at most this many changed fields (changesTruncated says when there were more). */
const CHANGES_SHOWN = 1000;

function statsOf(result: ImportResult): [MessageKey, number, string?][] {
  const stats: [MessageKey, number, string?][] =
    result.kind === 'followups'
      ? [
          ['report.followupsCreated', result.followupsCreated],
          ['report.followupsUnchanged', result.followupsUnchanged],
        ]
      : result.kind === 'customers'
        ? [
            ['report.customersCreated', result.customersCreated],
            ['report.customersUpdated', result.customersUpdated],
            ['report.unchanged', result.customersUnchanged],
          ]
        : [
            ['report.contractsCreated', result.contractsCreated],
            ['report.contractsUpdated', result.contractsUpdated],
            ['report.unchanged', result.contractsUnchanged],
            ['report.customersCreated', result.customersCreated],
            ['report.customersUpdated', result.customersUpdated],
          ];
  stats.push(['report.duplicates', result.duplicateRows], ['report.rejectedRows', result.rejectedRows, result.rejectedRows > 0 ? '#cf1322' : undefined]);
  return stats;
}

/** Counts, then the rows that will not (or did not) go in with line, column and reason, then warnings and diffs. */
export function ImportReportView({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  const changes = result.changes.flatMap((c, i) =>
    c.fields.map((f, j) => ({ key: `${i}-${j}`, line: c.line, entity: t(ENTITY_LABELS[c.entity]), record: c.key, ...f })),
  );
  const issueColumns = (reasonTitle: MessageKey) => [
    { title: t('import.colLine'), dataIndex: 'line', width: 80 },
    { title: t('report.colColumn'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? t('report.wholeRow') },
    // Worded here from its key, in the UI's language (the service's `message` is in the archive's).
    { title: t(reasonTitle), key: 'reason', render: (_: unknown, issue: ImportIssue) => renderMessage(t, msg(issue.key, issue.params)) },
  ];
  const orEmpty = (v: string | null) => v ?? t('report.empty');
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={24} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('report.rowsRead', { n: result.rows })}</Typography.Text>
          </Col>
          {result.kind === 'contracts' ? <RenewalPictureLines result={result} /> : null}
          {statsOf(result).map(([title, value, color]) => (
            <Col key={title} xs={12} sm={8} md={4}>
              <Statistic title={t(title)} value={value} styles={color ? { content: { color } } : undefined} />
            </Col>
          ))}
        </Row>
        {result.issuesReport ? (
          <div style={{ marginTop: 12 }}>
            <IssuesDownloadButton reportId={result.issuesReport} />
          </div>
        ) : null}
      </Card>
      {result.invalidBytes ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('encoding.checkInvalid', { count: result.invalidBytes.sequences, encoding: encodingName(result.invalidBytes.encoding) })}
        />
      ) : null}
      {result.ignoredColumns.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.ignoredColumns', {
            columns: joinWith(t, 'common.enumeration', result.ignoredColumns.map((c) => (c === '' ? t('report.emptyHeader') : c))),
          })}
        />
      ) : null}
      {result.rejected.length > 0 ? (
        <Card size="small" title={t('report.rejectedTitle', { n: result.rejectedRows })} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey={(r) => `${r.line}-${r.column}-${r.message}`}
            dataSource={result.rejected}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={issueColumns('report.colReason')}
          />
          <ShownNote shown={result.rejected.length} total={result.issueCounts.rejected} />
        </Card>
      ) : null}
      {/* An empty Collapse still draws its border; only the sections this report has. */}
      <CollapseOf
        items={[
          ...(changes.length > 0
            ? [
                {
                  key: 'changes',
                  label: result.changesTruncated
                    ? t('report.changesTruncated', { n: changes.length, shown: CHANGES_SHOWN })
                    : t('report.changes', { n: changes.length }),
                  children: (
                    <Table
                      size="small"
                      dataSource={changes}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: t('import.colLine'), dataIndex: 'line', width: 80 },
                        { title: t('report.colEntity'), dataIndex: 'entity', width: 100 },
                        { title: t('report.colRecord'), dataIndex: 'record', width: 200 },
                        { title: t('report.colField'), dataIndex: 'field', width: 120 },
                        { title: t('report.colFrom'), dataIndex: 'from', render: orEmpty },
                        { title: t('report.colTo'), dataIndex: 'to', render: orEmpty },
                      ]}
                    />
                  ),
                },
              ]
            : []),
          ...(result.duplicates.length > 0
            ? [
                {
                  key: 'duplicates',
                  label: t('report.duplicatesTitle', { n: result.duplicateRows }),
                  children: (
                    <>
                      <Table
                        size="small"
                        rowKey={(d) => `${d.line}-${d.supersededBy}`}
                        dataSource={result.duplicates}
                        pagination={{ pageSize: 10, hideOnSinglePage: true }}
                        columns={[
                          { title: t('report.colSuperseded'), dataIndex: 'line' },
                          { title: t('report.colKept'), dataIndex: 'supersededBy' },
                        ]}
                      />
                      <ShownNote shown={result.duplicates.length} total={result.duplicateRows} />
                    </>
                  ),
                },
              ]
            : []),
          ...(result.warnings.length > 0
            ? [
                {
                  key: 'warnings',
                  label: t('report.warnings', { n: result.issueCounts.warnings }),
                  children: (
                    <>
                      <Table
                        size="small"
                        rowKey={(w) => `${w.line}-${w.column}-${w.message}`}
                        dataSource={result.warnings}
                        pagination={{ pageSize: 10, hideOnSinglePage: true }}
                        columns={issueColumns('report.colNote')}
                      />
                      <ShownNote shown={result.warnings.length} total={result.issueCounts.warnings} />
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** Under a list the service cut to its first entries: how many of how many (the CSV has them all). */
function ShownNote({ shown, total }: { shown: number; total: number }) {
  const { t } = useI18n();
  return shown < total ? <Typography.Text type="secondary">{t('report.issuesShown', { shown, n: total })}</Typography.Text> : null;
}

function CollapseOf({ items }: { items: NonNullable<CollapseProps['items']> }) {
  return items.length > 0 ? <Collapse items={items} /> : null;
}

/** What the chain rule and the reminder settlement did (a dry run says what they will do). */
function RenewalPictureLines({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  const { chains, newTerms, dryRun } = result;
  return (
    <Col span={24} style={{ marginBottom: 8 }}>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="import-chains">
        {t(dryRun ? 'report.chainsPlanned' : 'report.chainsDone', { linked: chains.linked, history: chains.history })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="import-new-terms">
        {t('report.newTerms', { overdue: newTerms.overdue, insideLadder: newTerms.insideLadder })}
      </Typography.Paragraph>
    </Col>
  );
}
