import { contactsHandlers } from './contacts/contacts.handlers.ts';
import { contractsHandlers } from './contracts/contracts.handlers.ts';
import { customersHandlers } from './customers/customers.handlers.ts';
import { followUpsHandlers } from './followUps/followUps.handlers.ts';
import { registerHandlers, type HandlerTable } from './handlerTable.ts';
import { exportHandlers } from './export/export.handlers.ts';
import { importHandlers } from './import/import.handlers.ts';
import { ownersHandlers } from './owners/owners.handlers.ts';
import { notificationsHandlers, remindersHandlers } from './reminders/reminders.handlers.ts';
import { renewalsHandlers } from './renewals/renewals.handlers.ts';
import { reportsHandlers } from './reports/reports.handlers.ts';
import { settingsHandlers, systemHandlers } from './system/system.handlers.ts';
import { tagsHandlers } from './tags/tags.handlers.ts';
import { hygieneHandlers } from './hygiene/hygiene.handlers.ts';
import { lifecycleHandlers } from './lifecycle/lifecycle.handlers.ts';
import { tiersHandlers } from './tiers/tiers.handlers.ts';
import { competitorEventsHandlers, signalsHandlers, usageHandlers } from './signals/signals.handlers.ts';
import { paymentsHandlers } from './payments/payments.handlers.ts';
import { surveysHandlers } from './surveys/surveys.handlers.ts';
import { predictionHandlers } from './prediction/prediction.handlers.ts';
import { healthHandlers } from './health/health.handlers.ts';
import { riskHandlers } from './risk/risk.handlers.ts';
import { visitsHandlers } from './visits/visits.handlers.ts';
import { complaintsHandlers } from './complaints/complaints.handlers.ts';
import { messagesHandlers } from './messages/messages.handlers.ts';
import { loyaltyHandlers } from './loyalty/loyalty.handlers.ts';
import { mailHandlers } from './mail/mail.handlers.ts';
import { accountsHandlers } from './accounts/accounts.handlers.ts';
import { teamDatabaseHandlers } from './teamDatabase/teamDatabase.handlers.ts';

/** The one handler table that Electron IPC, the web host and the CLI all serve. */
export function buildHandlerTable(): HandlerTable {
  return registerHandlers(
    customersHandlers,
    contactsHandlers,
    contractsHandlers,
    followUpsHandlers,
    ownersHandlers,
    tagsHandlers,
    systemHandlers,
    settingsHandlers,
    remindersHandlers,
    notificationsHandlers,
    renewalsHandlers,
    reportsHandlers,
    importHandlers,
    exportHandlers,
    hygieneHandlers,
    lifecycleHandlers,
    tiersHandlers,
    usageHandlers,
    competitorEventsHandlers,
    signalsHandlers,
    paymentsHandlers,
    surveysHandlers,
    predictionHandlers,
    healthHandlers,
    riskHandlers,
    visitsHandlers,
    complaintsHandlers,
    messagesHandlers,
    loyaltyHandlers,
    mailHandlers,
    accountsHandlers,
    teamDatabaseHandlers,
  );
}
