import { tierItemSchema } from '../../shared/api/tierTable.contract.ts';
import { ladderPreviewSchema } from '../../shared/api/reminders.contract.ts';
import { hygieneItemSchema } from '../../shared/api/hygiene.contract.ts';
import type { MessageKey, Translate } from '../../shared/i18n/createTranslator.ts';
import { describeStep } from '../../shared/reminders/reminderLadder.ts';
import { reportTableOf } from './reportTable.ts';

// Human-readable output for a terminal, labelled in the archive's language; --json prints the handler's data.

const PREFERRED = ['name', 'number', 'customerName', 'summary', 'tier', 'ownerName', 'nextExpiryOn', 'endsOn', 'nextFollowUpOn', 'file', 'id'];

function line(item: Record<string, unknown>): string {
  // A 数据体检 entry is worded whole already.
  if (hygieneItemSchema.safeParse(item).success) return String(item['message']);
  // A tier of the tier table: its name as shown (a built-in's own name is null), code and customers.
  if (tierItemSchema.safeParse(item).success) return [item['label'], item['code'], item['customers']].map(String).join('  ');
  const keys = PREFERRED.filter((k) => item[k] !== undefined && item[k] !== null);
  return keys.map((k) => String(item[k])).join('  ');
}

interface Issue {
  line: number;
  column: string | null;
  message: string;
}

const isIssue = (v: unknown): v is Issue =>
  typeof v === 'object' && v !== null && 'line' in v && typeof v.line === 'number' && 'message' in v && typeof v.message === 'string';

/** An import report's rejected rows and warnings, one line each (their messages are worded already). */
function issueLines(t: Translate, heading: 'cli.rejected' | 'cli.warnings', value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isIssue)) return [];
  return [
    t(heading),
    ...value.map((i) => (i.column === null ? t('cli.issueRow', { line: i.line, message: i.message }) : t('cli.issueAt', { line: i.line, column: i.column, message: i.message }))),
  ];
}

/** An import lists its first 1000 rejections and warnings: the line that says how to get the rest. */
function moreIssuesLine(t: Translate, record: Record<string, unknown>): string[] {
  const id = record['issuesReport'];
  const counts = record['issueCounts'];
  if (typeof id !== 'string' || typeof counts !== 'object' || counts === null) return [];
  const { rejected = 0, warnings = 0 } = counts as { rejected?: number; warnings?: number };
  const listed = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const more = rejected + warnings - listed(record['rejected']) - listed(record['warnings']);
  return more > 0 ? [t('cli.moreIssues', { n: more, id })] : [];
}

const STEP_STATUS: Record<'pending' | 'snoozed' | 'fired' | 'superseded' | 'done', MessageKey> = {
  pending: 'ladder.statusPending',
  snoozed: 'ladder.statusSnoozed',
  fired: 'ladder.statusFired',
  superseded: 'ladder.statusSuperseded',
  done: 'ladder.statusDone',
};

/** `remind preview`: a contract's reminder steps, one line each (its date, which step, where it stands). */
function ladderLines(t: Translate, value: unknown): string[] {
  const steps = ladderPreviewSchema.shape.steps.safeParse(value);
  if (!steps.success || steps.data.length === 0) return [];
  return [t('cli.ladderSteps'), ...steps.data.map((s) => t('cli.ladderStep', { date: s.localDate, step: describeStep(s.step, t), status: t(STEP_STATUS[s.status]) }))];
}

export function formatHuman(data: unknown, t: Translate): string {
  const report = reportTableOf(data, t);
  if (report !== null) return report;
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) {
    const { items, total } = data as { items: Record<string, unknown>[]; total: number };
    if (items.length === 0) return t('cli.noRecords');
    return [...items.map(line), t('cli.total', { n: total })].join('\n');
  }
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    return [
      ...Object.entries(record)
        .filter(([, v]) => v === null || typeof v !== 'object')
        .map(([k, v]) => `${k}: ${v === null ? '—' : String(v)}`),
      ...issueLines(t, 'cli.rejected', record['rejected']),
      ...issueLines(t, 'cli.warnings', record['warnings']),
      ...moreIssuesLine(t, record),
      ...ladderLines(t, record['steps']),
    ].join('\n');
  }
  return String(data);
}
