import type { reminderTextsZhCN } from '../zhCN/reminderTexts.ts';

export const reminderTextsEnUS: Record<keyof typeof reminderTextsZhCN, string> = {
  'notice.expiryAhead': '{customer}: contract ends in {n} {n|day|days}',
  'notice.expiryToday': '{customer}: contract ends today',
  'notice.expiryOverdue': '{customer}: contract {n} {n|day|days} overdue',
  'notice.contactFallback': 'the contact',
  'notice.ownerFallback': 'The owner',
  'notice.birthdayTitle': '{customer}: birthday of {contact}',
  'notice.birthdayToday': 'Today is the birthday of {contact} at {customer}. Remember to send your wishes.',
  'notice.birthdayOn': '{date} is the birthday of {contact} at {customer}. Remember to send your wishes.',
  'notice.followUpTitle': '{customer}: time to follow up',
  'notice.followUpBody': 'Follow-up planned for {date}: {summary}',
  'notice.importSummaryTitle': 'Import done: {overdue} {overdue|contract|contracts} overdue, {inside} inside the reminder period',
  'notice.importSummaryBody': 'Reminder steps that fell due before the import are not notified one by one. Open the renewal list of this import to settle them one by one or in bulk.',
  'notice.remindDateTitle': '{customer}: reminder date',
  'notice.remindDateBody': 'Contract {contractNo} has a reminder set for {date}; it ends on {endsOn}.',
  'notice.digestTitle': 'Renewal Desk: {n} {n|reminder|reminders} due',
  'notice.digestBody': '{names}. See the notification centre.',
  'notice.digestBodyMore': '{names} and more, {n} customers in all. See the notification centre.',

  'ladder.inactiveDeleted': 'The contract was deleted',
  'ladder.inactiveClosed': 'The contract was renewed or terminated; no more reminders',
  'ladder.inactiveArchived': 'The customer is archived: reminders are paused until it is unarchived',
  'ladder.inactiveHistory': 'A past term (it had ended more than 92 days before it was imported): no reminders; settle it from the renewal list',
  'ladder.inactiveLost': 'Marked as lost; no more reminders',
  'ladder.inactiveRenewed': 'Renewed; no more reminders',
  'ladder.inactiveNoEndDate': 'No end date',

  'renewals.discountNote': 'Discount: {note}',
  'renewals.instalmentNote': 'Instalments: {note}',

  'notice.paymentOverdueTitle': 'Overdue payment: {customer} {contractNo} due {amount} ({dueOn})',
  'notice.paymentOverdueBody': '{n} {n|day|days} overdue, {outstanding} outstanding. Owner: {owner}.',
  'notice.paymentOverdueBodyNoOwner': '{n} {n|day|days} overdue, {outstanding} outstanding.',

  'notice.complaintOverdueTitle': 'Complaint overdue: {customer} {summary}',
  'notice.complaintOverdueBody': '{severity} complaint past its deadline ({dueAt}); current step: {step}. Handler: {handler}.',
  'notice.holidayTitle': '{customer}: {holiday} greeting',
  'notice.holidayBody': '{holiday} (days off from {date}) is coming: remember to send {customer} your greetings.',
  'notice.surveyTaskTitle': 'Satisfaction survey: {customer} ({campaign})',
  'notice.surveyTaskBody': 'Survey date {date}. Owner: {owner}.',
  'notice.surveyTaskBodyNoOwner': 'Survey date {date}.',
};
