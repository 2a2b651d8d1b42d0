import { handlersFor } from '../handlerTable.ts';
import { advanceComplaint, createComplaint, getComplaintDetail, listComplaintsOutput, undoComplaintChange } from './complaints.service.ts';
import { getComplaintSettings, setComplaintSettings } from './complaintSettings.service.ts';
import { complaintsReport } from './complaintsReport.service.ts';

export const complaintsHandlers = handlersFor('complaints', {
  'complaints:list': (ctx, input) => listComplaintsOutput(ctx, input),
  'complaints:get': (ctx, input) => getComplaintDetail(ctx, input),
  'complaints:create': (ctx, input) => createComplaint(ctx, input),
  'complaints:advance': (ctx, input) => advanceComplaint(ctx, input),
  'complaints:undo': (ctx, input) => undoComplaintChange(ctx, input),
  'complaints:settings': (ctx) => getComplaintSettings(ctx),
  'complaints:setSettings': (ctx, input) => setComplaintSettings(ctx, input),
  'complaints:report': (ctx, input) => complaintsReport(ctx, input),
});
