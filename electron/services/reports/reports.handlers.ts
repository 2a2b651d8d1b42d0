import { handlersFor } from '../handlerTable.ts';
import { dashboard } from './dashboard.service.ts';
import { cohortReport, renewalReport } from './renewalReport.service.ts';
import { reportTermsPage } from './reportTerms.service.ts';

export const reportsHandlers = handlersFor('reports', {
  'reports:renewal': (ctx, input) => renewalReport(ctx, input),
  'reports:terms': (ctx, input) => reportTermsPage(ctx, input),
  'reports:cohorts': (ctx, input) => cohortReport(ctx, input),
  'reports:dashboard': (ctx, input) => dashboard(ctx, input),
});
