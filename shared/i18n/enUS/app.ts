import type { appZhCN } from '../zhCN/app.ts';

export const appEnUS: Record<keyof typeof appZhCN, string> = {
  'app.name': 'Renewal Desk',
  'app.tagline': 'Customers · Contract expiries · Follow-ups',
  'app.today': 'Today {date}',
  'app.unavailable': 'Cannot reach Renewal Desk',

  'nav.label': 'Main',
  'nav.customers': 'Customers',
  'nav.due': 'Follow-ups',
  'nav.dueBadge': '{n} {n|follow-up|follow-ups} due',
  'nav.settings': 'Settings',
  'nav.renewals': 'Renewals',
  'nav.import': 'Import & export',
  'nav.reminders': 'Reminder rules',
  'nav.notifications': 'Notifications',

  'common.actions': 'Actions',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.delete': 'Delete',
  'common.edit': 'Edit',
  'common.loadFailed': 'Could not load',
  'common.retry': 'Retry',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.undo': 'Undo',
  'common.back': 'Back',
  'common.resetDefault': 'Reset to default',
  'common.labelled': '{label}:',
  'common.enumeration': '{a}, {b}',
  'common.clauses': '{a}, {b}',
  'common.sentences': '{a}; {b}',

  'validation.required': 'Please enter {label}',
  'validation.max': 'At most {max} characters',
  'validation.phone': 'Phone may contain digits, spaces, +, - and parentheses only',
  'validation.email': 'Not a valid e-mail address',

  'expiry.overdue': '{n} {n|day|days} overdue',
  'expiry.today': 'Expires today',
  'expiry.inDays': 'In {n} {n|day|days}',

  'notFound.title': 'Page not found',
  'notFound.subtitle': 'The link may be out of date.',
  'notFound.back': 'Back to customers',
};
