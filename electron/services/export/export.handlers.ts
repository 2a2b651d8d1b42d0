import { handlersFor } from '../handlerTable.ts';
import { exportArchive } from './exportArchive.ts';
import { exportCalendar } from './exportCalendar.ts';
import { exportRenewals } from './exportRenewals.ts';
import { exportReport } from './exportReport.ts';
import { exportSheet } from './exportSheet.ts';
import { exportPayments } from '../payments/paymentsSheet.service.ts';
import { exportKeyReview, exportVisits } from '../visits/keyReview.service.ts';
import { exportUsage } from '../signals/usageSheet.service.ts';
import { exportComplaints } from '../complaints/complaintsSheet.service.ts';
import { exportSurveys } from '../surveys/surveysSheet.service.ts';

export const exportHandlers = handlersFor('export', {
  'export:contracts': (ctx, input) => exportSheet(ctx, 'contracts', input),
  'export:customers': (ctx, input) => exportSheet(ctx, 'customers', input),
  'export:followups': (ctx, input) => exportSheet(ctx, 'followups', input),
  'export:renewals': (ctx, input) => exportRenewals(ctx, input),
  'export:archive': (ctx, input) => exportArchive(ctx, input.headers),
  'export:report': (ctx, input) => exportReport(ctx, input),
  'export:payments': (ctx, input) => exportPayments(ctx, input),
  'export:usage': (ctx, input) => exportUsage(ctx, input),
  'export:visits': (ctx, input) => exportVisits(ctx, input),
  'export:keyReview': (ctx, input) => exportKeyReview(ctx, input),
  'export:complaints': (ctx, input) => exportComplaints(ctx, input),
  'export:surveys': (ctx, input) => exportSurveys(ctx, input),
  'export:calendar': (ctx, input) => exportCalendar(ctx, input),
});
