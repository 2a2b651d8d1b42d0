import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, trimmedName, versionField } from './fields.ts';

// Team mode's accounts (issue 15). A SQLite archive is single-user and has none: these operations answer there
// with accounts.teamModeOnly, except accounts:status, which says so.

export const ACCOUNT_ROLES = ['admin', 'manager', 'readonly'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const accountSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type Account = z.infer<typeof accountSchema>;

/** The account a call runs as: what dispatch checks roles and owner scoping against. */
export interface SignedInAccount {
  id: string;
  login: string;
  displayName: string;
  role: AccountRole;
  ownerId: string | null;
}

const signedInSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  ownerId: z.string().nullable(),
});

/** A login name: trimmed, at most 64 characters; the service folds it to lower case. */
const loginField = trimmedName('label.accountLogin', 64);
const displayNameField = trimmedName('label.accountDisplayName', 50);
/** A new password: at least 8 characters, kept as typed (every character counts, spaces too). */
const newPasswordField = z.string().min(8, issue('accounts.passwordTooShort', { min: 8 })).max(200, issue('accounts.passwordTooLong', { max: 200 }));
/** A password to check: any text, compared as typed. */
const givenPasswordField = z.string().min(1, issue('accounts.passwordRequired')).max(200, issue('accounts.passwordTooLong', { max: 200 }));

const sessionSchema = z.object({
  /** Sent with every later call (the host's session header); only its hash is stored. */
  token: z.string(),
  expiresAt: z.string(),
  account: signedInSchema,
});

export const teamSettingsSchema = z.object({
  /** 客户经理 see only the customers (and their contracts' renewals) of the owner their account is linked to. */
  scopeManagersToOwnCustomers: z.boolean(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const accountsContract = {
  /** Open to every caller: whether a login is needed, and who is signed in. */
  'accounts:status': {
    input: z.object({}),
    output: z.object({
      teamMode: z.boolean(),
      accountsExist: z.boolean(),
      signedIn: signedInSchema.nullable(),
      settings: teamSettingsSchema,
      /** The archive's language, so the login page speaks it before anyone is signed in to read settings:get. */
      locale: z.enum(['zh-CN', 'en-US']),
    }),
  },
  /** Only while the archive has no account at all: the first account, an admin, signed in at once. */
  'accounts:createFirstAdmin': {
    input: z.object({ login: loginField, displayName: displayNameField, password: newPasswordField }),
    output: sessionSchema,
    changes: ['accounts'],
  },
  // Login, logout and a password change write (a session, a hash), so they declare a change and go where writes go;
  // dispatch lets them through by name (accessPolicy.ts), not by their kind.
  'accounts:login': { input: z.object({ login: loginField, password: givenPasswordField }), output: sessionSchema, changes: ['accounts'] },
  'accounts:logout': { input: z.object({}), output: z.object({ signedOut: z.boolean() }), changes: ['accounts'] },
  /** Any signed-in account, its own password; its other sessions end. */
  'accounts:changePassword': {
    input: z.object({ currentPassword: givenPasswordField, newPassword: newPasswordField }),
    output: z.object({ changed: z.boolean() }),
    changes: ['accounts'],
  },
  'accounts:list': { input: z.object({}), output: z.object({ items: z.array(accountSchema), total: z.number() }) },
  'accounts:create': {
    input: z.object({
      login: loginField,
      displayName: displayNameField,
      role: z.enum(ACCOUNT_ROLES),
      ownerId: idField.nullable().default(null),
      password: newPasswordField,
    }),
    output: accountSchema,
    changes: ['accounts'],
  },
  /** Role, name, owner link, or disabled (a disabled account's sessions end at once). */
  'accounts:update': {
    input: z.object({
      id: idField,
      version: versionField,
      displayName: displayNameField.optional(),
      role: z.enum(ACCOUNT_ROLES).optional(),
      ownerId: idField.nullable().optional(),
      disabled: z.boolean().optional(),
    }),
    output: accountSchema,
    changes: ['accounts'],
  },
  /** An admin sets another account's password (a forgotten one); that account's sessions end. */
  'accounts:resetPassword': {
    input: z.object({ id: idField, newPassword: newPasswordField }),
    output: z.object({ changed: z.boolean() }),
    changes: ['accounts'],
  },
  'accounts:setTeamSettings': { input: teamSettingsSchema, output: teamSettingsSchema, changes: ['accounts', 'customers', 'renewals'] },
} as const;
