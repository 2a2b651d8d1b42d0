import type { reportFiguresZhCN } from '../zhCN/reportFigures.ts';

export const reportFiguresEnUS: Record<keyof typeof reportFiguresZhCN, string> = {
  'reportFigures.noOwner': 'No owner',
  'reportFigures.noCycle': 'Cycle unknown',
  'reportFigures.noSignedYear': 'Signing year unknown',
  'reportFigures.title': 'Renewal report {from} to {to}',
  'reportFigures.colGroup': 'Group',
  'reportFigures.colDue': 'Due',
  'reportFigures.colRenewed': 'Renewed',
  'reportFigures.colLost': 'Lost',
  'reportFigures.colPending': 'Undecided',
  'reportFigures.colRateCount': 'Rate by count',
  'reportFigures.colRateAmount': 'Rate by amount',
  'reportFigures.rowTotal': 'Total',
  'reportFigures.cell': '{count} / {amount}',
  'reportFigures.unknownAmount': 'Contracts of unknown amount: {n} (left out of every amount and of the rate by amount)',
  'reportFigures.netChange': 'Net change between terms: {amount}',
  'reportFigures.noRate': '—',
};
