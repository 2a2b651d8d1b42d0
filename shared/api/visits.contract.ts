import * as z from './zodSetup.ts';
import { VISIT_PERIODS, VISIT_STATUSES } from '../domain/visitPlan.ts';
import { channelField, idField, isoDate, multiLineText, optionalText, tierField } from './fields.ts';

// The key-customer programme (重点客户) and its visit plans (回访计划), issue 14. Who is a key customer: the
// criteria (tiers, VIP by default) unless decided by hand. Each key customer has an account manager and a backup,
// reassigned with history. Service standards per tier plan the year's visits; a planned visit is done when a 回访
// follow-up (any channel) falls in its period. Every write answers with an undo token (visits:undo).

const yearField = z.number().int().min(2000).max(2199);
const periodField = z.enum(VISIT_PERIODS);

export const visitCountsSchema = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  missed: z.number().int(),
  due: z.number().int(),
  upcoming: z.number().int(),
  /** done ÷ (done + missed); null before any visit is settled. */
  rate: z.number().nullable(),
});
export type VisitCountsOutput = z.infer<typeof visitCountsSchema>;

export const keyCustomerSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  tier: z.string(),
  /** true: added by hand; false: removed by hand; null: the criteria decide. */
  manual: z.boolean().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  backupId: z.string().nullable(),
  backupName: z.string().nullable(),
  managedSince: z.string().nullable(),
  /** The customer's own 负责人 (who the plan counts under until a manager is assigned). */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type KeyCustomer = z.infer<typeof keyCustomerSchema>;

export const managerAssignmentSchema = z.object({
  id: z.string(),
  managerId: z.string(),
  managerName: z.string(),
  backupId: z.string(),
  backupName: z.string(),
  fromOn: z.string(),
  /** null: the current assignment. */
  untilOn: z.string().nullable(),
  assignedBy: z.string(),
  assignedAt: z.string(),
  note: z.string().nullable(),
});
export type ManagerAssignment = z.infer<typeof managerAssignmentSchema>;

export const visitStandardSchema = z.object({ tierCode: z.string(), period: periodField, visits: z.number().int() });
export type VisitStandardOutput = z.infer<typeof visitStandardSchema>;

export const plannedVisitSchema = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  index: z.number().int(),
  status: z.enum(VISIT_STATUSES),
  doneOn: z.string().nullable(),
  remindOn: z.string(),
});

export const customerPlanSchema = keyCustomerSchema.extend({
  /** The manager the plan counts under: the assigned manager, else the customer's 负责人, else nobody. */
  planOwnerId: z.string().nullable(),
  planOwnerName: z.string().nullable(),
  /** The tier's standard; null when the tier has none (no visits planned). */
  standard: visitStandardSchema.nullable(),
  visits: z.array(plannedVisitSchema),
  counts: visitCountsSchema,
});
export type CustomerPlan = z.infer<typeof customerPlanSchema>;

export const ownerAdherenceSchema = visitCountsSchema.extend({ ownerId: z.string().nullable(), ownerName: z.string().nullable(), customers: z.number().int() });
export type OwnerAdherence = z.infer<typeof ownerAdherenceSchema>;

export const dueVisitSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  tier: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  index: z.number().int(),
  remindOn: z.string(),
  /** Days left in the period, today included. */
  daysLeft: z.number().int(),
});
export type DueVisit = z.infer<typeof dueVisitSchema>;

export const keyCustomerReviewSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  tier: z.string(),
  year: z.number().int(),
  managerName: z.string().nullable(),
  backupName: z.string().nullable(),
  contractsStarted: z.number().int(),
  contractValueFen: z.number().int(),
  termsDue: z.number().int(),
  renewed: z.number().int(),
  lost: z.number().int(),
  renewedAmountFen: z.number().int(),
  followUps: z.number().int(),
  /** 投诉 follow-ups in the year. */
  complaintFollowUps: z.number().int(),
  /** Complaints received in the year, and how many of them are still open. */
  complaintsReceived: z.number().int(),
  complaintsOpen: z.number().int(),
  /** Satisfaction surveys dated in the year, and the average of every dimension score they gave (null: none). */
  surveys: z.number().int(),
  satisfactionAverage: z.number().nullable(),
  visits: visitCountsSchema,
  healthScore: z.number().int().nullable(),
  healthBand: z.string().nullable(),
  openWarnings: z.number().int(),
  history: z.array(managerAssignmentSchema),
});
export type KeyCustomerReview = z.infer<typeof keyCustomerReviewSchema>;

const undoable = { undoToken: z.string() };
const changes = ['visits'] as const;

export const visitsContract = {
  /** The 重点客户 list with the criteria; `removed` are the customers taken out by hand (to put back). */
  'visits:keyCustomers': {
    input: z.object({}),
    output: z.object({ keyTiers: z.array(z.string()), items: z.array(keyCustomerSchema), total: z.number().int(), removed: z.array(keyCustomerSchema) }),
  },
  /** The criteria: the tiers whose customers are key customers (VIP by default); may be empty (manual only). */
  'visits:setCriteria': {
    input: z.object({ tiers: z.array(tierField).max(50) }),
    output: z.object({ keyTiers: z.array(z.string()), ...undoable }),
    changes: ['visits', 'settings'],
  },
  /** Adds (true) or removes (false) a customer by hand, or returns it to the criteria (null). */
  'visits:include': {
    input: z.object({ customerId: idField, included: z.boolean().nullable() }),
    output: z.object({ customerId: z.string(), isKey: z.boolean(), ...undoable }),
    changes,
  },
  /** Assigns (or reassigns) a key customer's account manager and backup from today; the previous row is kept, closed. */
  'visits:assign': {
    input: z.object({ customerId: idField, managerId: idField, backupId: idField, note: optionalText(500) }),
    output: z.object({ history: z.array(managerAssignmentSchema), ...undoable }),
    changes,
  },
  /** A customer's manager/backup rows, the current first. */
  'visits:history': {
    input: z.object({ customerId: idField }),
    output: z.object({ items: z.array(managerAssignmentSchema), total: z.number().int() }),
  },
  'visits:standards': {
    input: z.object({}),
    output: z.object({ items: z.array(visitStandardSchema), total: z.number().int() }),
  },
  /** Sets a tier's standard: a period and the visits per period (1–10). */
  'visits:setStandard': {
    input: z.object({ tierCode: tierField, period: periodField, visits: z.number().int().min(1).max(10) }),
    output: z.object({ standard: visitStandardSchema, ...undoable }),
    changes,
  },
  'visits:removeStandard': {
    input: z.object({ tierCode: tierField }),
    output: z.object({ tierCode: z.string(), ...undoable }),
    changes,
  },
  /** The year's plan (default: this year) as of `today`: per key customer, and the adherence per owner. */
  'visits:plan': {
    input: z.object({ year: yearField.optional(), today: isoDate.optional(), ownerId: idField.optional() }),
    output: z.object({
      year: z.number().int(),
      today: z.string(),
      customers: z.array(customerPlanSchema),
      owners: z.array(ownerAdherenceSchema),
      totals: visitCountsSchema,
    }),
  },
  /** The visits due as of `today` (their period holds today and they are not done), nearest period end first. The CLI's `visits due`. */
  'visits:due': {
    input: z.object({ today: isoDate.optional(), ownerId: idField.optional() }),
    output: z.object({ today: z.string(), items: z.array(dueVisitSchema), total: z.number().int() }),
  },
  /** Marks a visit done: records a 回访 follow-up (on `on`, default today; not in the future) on the customer. */
  'visits:markDone': {
    input: z.object({ customerId: idField, on: isoDate.optional(), channel: channelField.default('visit'), summary: multiLineText(1000) }),
    output: z.object({ followUpId: z.string(), ...undoable }),
    changes: ['visits', 'followups', 'customers', 'reminders', 'notifications'],
  },
  /** A key customer's annual review: contracts, renewals, follow-ups, complaints, visits, health and risk. */
  'visits:review': {
    input: z.object({ customerId: idField, year: yearField.optional() }),
    output: keyCustomerReviewSchema,
  },
  /** Undoes a change of the programme (criteria, membership, assignment, standard, a visit marked done). */
  'visits:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: ['visits', 'settings', 'followups', 'customers', 'reminders', 'notifications'],
  },
} as const;
