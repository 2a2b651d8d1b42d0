// What owner scoping does with each operation (team mode, when the team scopes 客户经理 to their own customers).
// Every operation of the contract is named here, so a new one cannot slip past: the type demands an entry and
// ownerScopePolicy.test.ts walks the handler table. The gate that applies it is ownerScope.ts.
import type { ApiName } from '../../../shared/api/apiContract.ts';
import type { ScopedRowKind } from '../../../db/repositories/ownerScopeRepo.ts';

/** An input field naming rows (one id or a list) that hang off customers; `required`: a scoped call must give it. */
export interface RowRef {
  field: string;
  via: ScopedRowKind;
  required?: boolean;
}

export type ScopeRule =
  /**
   * Names rows by id: every customer they hang off must be the caller's; `ownOwner` fields must name the caller's
   * owner (set to it when absent); `givenOwner` fields, when given, too (a term or follow-up left without its own
   * owner follows its customer's). A scoped call must name at least one of `refs` unless `namesNone` says the
   * operation without them is already narrowed (by its `ownOwner` field).
   */
  | { kind: 'byCustomer'; refs: readonly RowRef[]; ownOwner?: readonly string[]; givenOwner?: readonly string[]; namesNone?: 'narrowedByOwner' }
  /** A list or export with an owner filter: the caller's owner replaces whatever the input asked for. */
  | { kind: 'ownerFilter'; clear?: readonly string[] }
  /**
   * A whole list, never a page (its `total` is its length): the rows of other owners' customers are dropped from
   * `lists` (items carrying `customerId`), `total` recounted, `amountFen` summed again when `sumsAmount`.
   */
  | { kind: 'outputFiltered'; lists: readonly string[]; sumsAmount?: true }
  /** An undo by token: the batch must be the caller's own writes. */
  | { kind: 'ownUndo'; field: string }
  /** Not narrowed on purpose: team figures that name no customer, or team-wide settings everyday users keep. */
  | { kind: 'teamWide'; why: string }
  /** A whole-archive operation, or a whole-team view with no owner filter yet: refused to a scoped caller, `why`. */
  | { kind: 'refusedWhenScoped'; why: string }
  /** 管理员 only (accessPolicy.ts ADMIN_OPERATIONS): a scoped 客户经理 never reaches it. */
  | { kind: 'adminOnly' }
  /** Holds no customer data: the session, the connection, the app's own state. */
  | { kind: 'notData' };

const by = (...refs: RowRef[]): ScopeRule => ({ kind: 'byCustomer', refs });
/** `by`, and the row's own owner field may name only the caller's owner: no handing work to a colleague. */
const byOwnOwner = (...refs: RowRef[]): ScopeRule => ({ kind: 'byCustomer', refs, givenOwner: ['ownerId'] });
const ref = (field: string, via: ScopedRowKind, required = false): RowRef => ({ field, via, required });
const customer = (field = 'customerId'): RowRef => ref(field, 'customer', true);
const contract = (field = 'contractId'): RowRef => ref(field, 'contract', true);
const team = (why: string): ScopeRule => ({ kind: 'teamWide', why });
const undo = (field = 'undoToken'): ScopeRule => ({ kind: 'ownUndo', field });
const OWNER_FILTER: ScopeRule = { kind: 'ownerFilter' };
const ITEMS_FILTERED: ScopeRule = { kind: 'outputFiltered', lists: ['items'] };
const refused = (why: string): ScopeRule => ({ kind: 'refusedWhenScoped', why });
/** Refused on purpose: narrowed, these would be a different operation, not the same one for fewer rows. */
const WHOLE_ARCHIVE = refused('the whole archive in one file: a copy of everyone\'s customers is the admin\'s to take');
const SHEET_WRITE = refused('a sheet may name any customer of the archive and its undo any row it wrote: the admin\'s bulk write');
const IMPORT_LOG = refused('the import log and its issues cover every import, whoever ran it and whoever\'s rows it wrote');
const HANDOVER = refused('moves one owner\'s book to another owner: the admin\'s decision, never an account manager\'s');
const WHOLE_PREVIEW = refused('previews a team-wide setting against every customer before the admin saves it');
/** Not narrowed yet: no owner filter in their SQL (survey campaigns). */
const NO_OWNER_FILTER_YET = refused('a whole-team view with no owner filter yet');
const ADMIN: ScopeRule = { kind: 'adminOnly' };
const NOT_DATA: ScopeRule = { kind: 'notData' };
const SETTINGS = 'a team-wide setting or rule every account reads';
const FIGURES = 'team figures (counts, sums, rates per owner): the team shares its targets; no customer is named';
const DERIVED = 'recomputes derived values for the whole archive, shows nothing';

export const OWNER_SCOPE_POLICY: { readonly [N in ApiName]: ScopeRule } = {
  'customers:list': OWNER_FILTER,
  'customers:get': by(ref('id', 'customer', true)),
  'customers:create': { kind: 'byCustomer', refs: [], ownOwner: ['ownerId'] },
  'customers:update': { kind: 'byCustomer', refs: [ref('id', 'customer', true)], ownOwner: ['ownerId'] },
  'customers:archive': by(ref('id', 'customer', true)),
  'customers:unarchive': by(ref('id', 'customer', true)),
  'customers:delete': by(ref('id', 'customer', true)),
  'customers:undoDelete': undo(),
  'customers:merge': by(ref('from', 'customer', true), ref('into', 'customer', true)),
  'customers:undoMerge': undo(),
  'customers:aliases': by(customer()),
  'customers:removeAlias': by(ref('id', 'alias', true)),
  'contacts:list': by(customer()),
  'contacts:create': by(customer()),
  'contacts:update': by(ref('id', 'contact', true)),
  'contacts:delete': by(ref('id', 'contact', true)),
  'contracts:list': by(customer()),
  'contracts:get': by(ref('id', 'contract', true)),
  'contracts:create': byOwnOwner(customer()),
  'contracts:update': byOwnOwner(ref('id', 'contract', true), ref('renewalOf', 'contract')),
  'contracts:delete': by(ref('id', 'contract', true)),
  'contracts:attachmentsList': by(contract()),
  'contracts:attachmentsAdd': by(contract()),
  'contracts:attachmentsRemove': by(ref('id', 'attachment', true)),
  'contracts:attachmentsUndo': undo(),
  'contracts:attachmentsRead': by(ref('id', 'attachment', true)),
  'followups:list': by(ref('customerId', 'customer'), ref('contractId', 'contract')),
  'followups:create': byOwnOwner(ref('customer', 'customerOrName', true), ref('contractId', 'contract')),
  'followups:due': OWNER_FILTER,
  'followups:complete': by(ref('id', 'followUp', true)),
  'followups:delete': by(ref('id', 'followUp', true)),
  'owners:list': team('the team roster: names every account may assign'),
  'owners:create': team('the team roster'),
  'owners:update': team('the team roster'),
  'tags:list': team(SETTINGS),
  'tags:create': team(SETTINGS),
  'system:info': NOT_DATA,
  'system:status': NOT_DATA,
  'system:init': NOT_DATA,
  'system:backup': team('a server-side copy of the archive; nothing reaches the caller'),
  'system:listBackups': NOT_DATA,
  'system:restore': ADMIN,
  'system:restoreUpload': ADMIN,
  'system:exportEncrypted': WHOLE_ARCHIVE,
  'system:demo': ADMIN,
  'settings:get': NOT_DATA,
  'settings:set': ADMIN,
  'reminders:run': team('the reminder tick every client runs for the archive; notices are read through notifications'),
  'reminders:preview': by(ref('contractId', 'contract'), ref('contractNo', 'contractNumber')),
  'reminders:getSettings': team(SETTINGS),
  'reminders:setSettings': ADMIN,
  'reminders:importHolidays': team(SETTINGS),
  'reminders:setContractLadder': by(contract()),
  'reminders:snooze': by(ref('reminderId', 'reminder', true)),
  'reminders:done': by(ref('reminderId', 'reminder', true)),
  'notifications:list': OWNER_FILTER,
  'notifications:markRead': { kind: 'byCustomer', refs: [ref('ids', 'notification')], ownOwner: ['ownerId'], namesNone: 'narrowedByOwner' },
  'notifications:open': by(ref('id', 'notification', true)),
  'renewals:list': OWNER_FILTER,
  'renewals:setStage': by(contract()),
  'renewals:renewDefaults': by(contract()),
  'renewals:renew': by(contract()),
  'renewals:chain': by(contract()),
  'renewals:flagged': { kind: 'outputFiltered', lists: ['overdue', 'noEndDate'] },
  'renewals:bulk': byOwnOwner(ref('contractIds', 'contract', true)),
  'renewals:undoBulk': undo(),
  'renewals:unlink': by(contract()),
  'renewals:vetoLink': by(ref('earlierId', 'contract', true), ref('laterId', 'contract', true)),
  'renewals:linkSuggestion': by(contract()),
  'renewals:link': by(ref('earlierId', 'contract', true), ref('laterId', 'contract', true)),
  'renewals:events': by(customer()),
  'renewals:lostReasons': team(SETTINGS),
  'renewals:setLostReasons': ADMIN,
  'reports:renewal': team(FIGURES),
  'reports:terms': OWNER_FILTER,
  'reports:cohorts': team(FIGURES),
  'reports:dashboard': team(FIGURES),
  'import:upload': NOT_DATA,
  'import:preview': NOT_DATA,
  'import:run': SHEET_WRITE,
  'import:discard': NOT_DATA,
  'import:issues': IMPORT_LOG,
  'import:history': IMPORT_LOG,
  'import:undo': SHEET_WRITE,
  'export:contracts': OWNER_FILTER,
  'export:customers': OWNER_FILTER,
  'export:followups': OWNER_FILTER,
  'export:payments': OWNER_FILTER,
  'export:usage': OWNER_FILTER,
  'export:visits': OWNER_FILTER,
  'export:keyReview': OWNER_FILTER,
  'export:complaints': OWNER_FILTER,
  'export:surveys': OWNER_FILTER,
  'export:renewals': OWNER_FILTER,
  'export:calendar': { kind: 'ownerFilter', clear: ['owner'] },
  'export:archive': WHOLE_ARCHIVE,
  'export:report': OWNER_FILTER,
  'hygiene:list': OWNER_FILTER,
  'hygiene:trash': OWNER_FILTER,
  'hygiene:restore': by(ref('id', 'customerOrContract', true)),
  'hygiene:handover': HANDOVER,
  'hygiene:undoHandover': HANDOVER,
  'lifecycle:list': OWNER_FILTER,
  'lifecycle:warning': OWNER_FILTER,
  'lifecycle:winBack': OWNER_FILTER,
  'lifecycle:customer': by(customer()),
  'lifecycle:ofCustomers': by(ref('customerIds', 'customer', true)),
  'lifecycle:rules': team(SETTINGS),
  'lifecycle:setRules': ADMIN,
  'lifecycle:recompute': team(DERIVED),
  'tiers:rules': team(SETTINGS),
  'tiers:setRules': ADMIN,
  'tiers:classify': WHOLE_PREVIEW,
  'tiers:unpin': by(ref('id', 'customer', true)),
  'tiers:list': team(SETTINGS),
  'tiers:create': team(SETTINGS),
  'tiers:update': team(SETTINGS),
  'tiers:move': team(SETTINGS),
  'tiers:remove': team(SETTINGS),
  'tiers:undoRemove': team(SETTINGS),
  'payments:list': by(contract()),
  'payments:set': by(ref('id', 'instalment'), contract()),
  'payments:record': by(ref('id', 'instalment', true)),
  'payments:remove': by(ref('id', 'instalment', true)),
  'payments:undo': undo(),
  'payments:import': SHEET_WRITE,
  'surveys:dimensions': team(SETTINGS),
  'surveys:setDimension': team(SETTINGS),
  'surveys:retireDimension': team(SETTINGS),
  'surveys:list': by(customer()),
  'surveys:latest': by(customer()),
  'surveys:save': by(ref('id', 'survey'), customer(), ref('contractId', 'contract')),
  'surveys:remove': by(ref('id', 'survey', true)),
  'surveys:addAction': by(ref('surveyId', 'survey', true)),
  'surveys:undo': undo(),
  'surveys:setThreshold': ADMIN,
  // Team figures, but its list of customers below the threshold names them: that list is the caller's only.
  'surveys:results': { kind: 'outputFiltered', lists: ['below'] },
  'surveys:campaigns': NO_OWNER_FILTER_YET,
  'surveys:createCampaign': NO_OWNER_FILTER_YET,
  'surveys:campaign': NO_OWNER_FILTER_YET,
  'usage:list': by(customer()),
  'usage:set': by(customer()),
  'usage:remove': by(ref('id', 'usage', true)),
  'usage:unit': team(SETTINGS),
  'usage:setUnit': ADMIN,
  'usage:import': SHEET_WRITE,
  'usage:interactions': by(customer()),
  'competitorEvents:list': by(customer()),
  'competitorEvents:add': by(customer(), ref('contractId', 'contract')),
  'competitorEvents:remove': by(ref('id', 'competitorEvent', true)),
  'signals:undo': undo(),
  'prediction:model': team(FIGURES),
  'prediction:upcoming': ITEMS_FILTERED,
  'health:get': by(customer()),
  'health:weights': team(SETTINGS),
  'health:setWeights': ADMIN,
  'health:undoWeights': ADMIN,
  'health:previewWeights': WHOLE_PREVIEW,
  'health:recompute': team(DERIVED),
  'risk:list': { kind: 'outputFiltered', lists: ['items'], sumsAmount: true },
  'risk:summary': team(FIGURES),
  'risk:setWindow': ADMIN,
  'risk:warnings': ITEMS_FILTERED,
  'risk:get': by(ref('id', 'riskWarning', true)),
  'risk:publish': by(contract()),
  'risk:setStatus': by(ref('id', 'riskWarning', true)),
  'risk:addAction': by(ref('warningId', 'riskWarning', true)),
  'risk:completeAction': by(ref('id', 'riskAction', true)),
  'risk:removeAction': by(ref('id', 'riskAction', true)),
  'risk:undo': undo(),
  'risk:review': OWNER_FILTER,
  'visits:keyCustomers': { kind: 'outputFiltered', lists: ['items', 'removed'] },
  'visits:setCriteria': ADMIN,
  'visits:include': by(customer()),
  'visits:assign': by(customer()),
  'visits:history': by(customer()),
  'visits:standards': team(SETTINGS),
  'visits:setStandard': team(SETTINGS),
  'visits:removeStandard': team(SETTINGS),
  'visits:plan': OWNER_FILTER,
  'visits:due': OWNER_FILTER,
  'visits:markDone': by(customer()),
  'visits:review': by(customer()),
  'visits:undo': undo(),
  'complaints:list': ITEMS_FILTERED,
  'complaints:get': by(ref('id', 'complaint', true)),
  'complaints:create': by(ref('followUpId', 'followUp'), ref('customerId', 'customer'), ref('contractId', 'contract')),
  'complaints:advance': by(ref('id', 'complaint', true)),
  'complaints:undo': undo(),
  'complaints:settings': team(SETTINGS),
  'complaints:setSettings': ADMIN,
  'complaints:report': team(FIGURES),
  'messages:templates': team(SETTINGS),
  'messages:setTemplate': team(SETTINGS),
  'messages:render': by(ref('reminderId', 'reminder'), ref('customerId', 'customer'), ref('contractId', 'contract'), ref('contactId', 'contact')),
  'messages:markSent': by(customer(), ref('contractId', 'contract'), ref('reminderId', 'reminder')),
  'messages:getGreetingSettings': team(SETTINGS),
  'messages:setGreetingSettings': ADMIN,
  'messages:getOffer': by(contract()),
  'messages:setOffer': by(contract()),
  'loyalty:get': by(customer()),
  'loyalty:addPoints': by(customer()),
  'loyalty:addReferral': by(ref('referrerId', 'customer', true), ref('referredId', 'customer', true)),
  'loyalty:remove': { kind: 'byCustomer', refs: [ref('id', 'loyaltyPoints'), ref('id', 'referral')] },
  'mail:getSettings': team(SETTINGS),
  'mail:setSettings': ADMIN,
  'mail:sendTest': ADMIN,
  'mail:optOuts': team('the owners who opted out of e-mail reminders: the roster'),
  'mail:setOptOut': team('the owners who opted out of e-mail reminders: the roster'),
  'accounts:status': NOT_DATA,
  'accounts:createFirstAdmin': NOT_DATA,
  'accounts:login': NOT_DATA,
  'accounts:logout': NOT_DATA,
  'accounts:changePassword': NOT_DATA,
  'accounts:list': ADMIN,
  'accounts:create': ADMIN,
  'accounts:update': ADMIN,
  'accounts:resetPassword': ADMIN,
  'accounts:setTeamSettings': ADMIN,
  'teamDatabase:get': NOT_DATA,
  'teamDatabase:test': NOT_DATA,
  'teamDatabase:choose': NOT_DATA,
};
