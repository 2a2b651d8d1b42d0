import { Alert, Card, Col, Collapse, Row, Statistic, Table, Typography } from 'antd';
import type { ImportResult } from '../../../shared/api/import.contract.ts';

const ENTITY_LABELS: Record<string, string> = { customer: '客户', contact: '联系人', contract: '合同', followup: '跟进' };

/** Counts, then the rows that will not (or did not) go in with line, column and reason, then warnings and diffs. */
export function ImportReportView({ result }: { result: ImportResult }) {
  const stats: [string, number, string?][] =
    result.kind === 'followups'
      ? [
          ['新增跟进记录', result.followupsCreated],
          ['已存在（不变）', result.followupsUnchanged],
        ]
      : result.kind === 'customers'
        ? [
            ['新增客户', result.customersCreated],
            ['更新客户', result.customersUpdated],
            ['不变', result.customersUnchanged],
          ]
        : [
            ['新增合同', result.contractsCreated],
            ['更新合同', result.contractsUpdated],
            ['不变', result.contractsUnchanged],
            ['新增客户', result.customersCreated],
            ['更新客户', result.customersUpdated],
          ];
  stats.push(['文件内重复', result.duplicates.length], ['有错误的行', result.rejectedRows, result.rejectedRows > 0 ? '#cf1322' : undefined]);
  const changes = result.changes.flatMap((c, i) =>
    c.fields.map((f, j) => ({ key: `${i}-${j}`, line: c.line, entity: ENTITY_LABELS[c.entity] ?? c.entity, record: c.key, ...f })),
  );
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={24} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">共读取 {result.rows} 行数据（空行不计）</Typography.Text>
          </Col>
          {stats.map(([title, value, color]) => (
            <Col key={title} xs={12} sm={8} md={4}>
              <Statistic title={title} value={value} valueStyle={color ? { color } : undefined} />
            </Col>
          ))}
        </Row>
      </Card>
      {result.ignoredColumns.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`未导入的列：${result.ignoredColumns.map((c) => (c === '' ? '（空表头）' : c)).join('、')}`}
        />
      ) : null}
      {result.rejected.length > 0 ? (
        <Card size="small" title={`有错误的行（${result.rejectedRows}）——这些行不会导入，改正后可再次导入`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey={(r) => `${r.line}-${r.column}-${r.message}`}
            dataSource={result.rejected}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'line', width: 80 },
              { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '整行' },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </Card>
      ) : null}
      <Collapse
        items={[
          ...(changes.length > 0
            ? [
                {
                  key: 'changes',
                  label: `将被更新的字段（${changes.length}${result.changesTruncated ? '，仅列出前 1000 条' : ''}）`,
                  children: (
                    <Table
                      size="small"
                      dataSource={changes}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: '行号', dataIndex: 'line', width: 80 },
                        { title: '对象', dataIndex: 'entity', width: 80 },
                        { title: '记录', dataIndex: 'record', width: 200 },
                        { title: '字段', dataIndex: 'field', width: 120 },
                        { title: '原值', dataIndex: 'from', render: (v: string | null) => v ?? '（空）' },
                        { title: '新值', dataIndex: 'to', render: (v: string | null) => v ?? '（空）' },
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
                  label: `文件内重复的记录（${result.duplicates.length}，以后出现的行为准）`,
                  children: (
                    <Table
                      size="small"
                      rowKey={(d) => `${d.line}-${d.supersededBy}`}
                      dataSource={result.duplicates}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: '被覆盖的行', dataIndex: 'line' },
                        { title: '以此行为准', dataIndex: 'supersededBy' },
                      ]}
                    />
                  ),
                },
              ]
            : []),
          ...(result.warnings.length > 0
            ? [
                {
                  key: 'warnings',
                  label: `提示（${result.warnings.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey={(w) => `${w.line}-${w.column}-${w.message}`}
                      dataSource={result.warnings}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: '行号', dataIndex: 'line', width: 80 },
                        { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '整行' },
                        { title: '说明', dataIndex: 'message' },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
