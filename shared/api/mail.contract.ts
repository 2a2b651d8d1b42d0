import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, noControlCharacters, optionalText } from './fields.ts';

// E-mail reminders over SMTP (issue 15): the server settings (设置 → 邮件提醒), a test message, and which owners
// asked for no reminder e-mail. The password is never part of the settings: it goes to the host's secret store
// (the desktop's keychain through safeStorage) or, on the web host and the CLI, comes from the environment.

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** An e-mail address, or '' for none yet. */
const mailAddress = z
  .string()
  .max(320, issue('validation.max', { max: 320 }))
  .transform((s) => s.trim())
  .pipe(z.string().superRefine(noControlCharacters(false)).pipe(z.union([z.literal(''), z.email(issue('validation.email'))])));

/** A host name or an IP address, or '' for none yet. */
const hostField = z
  .string()
  .max(253, issue('validation.max', { max: 253 }))
  .transform((s) => s.trim())
  .pipe(z.string().superRefine(noControlCharacters(false)).regex(/^[A-Za-z0-9.\-:[\]]*$/, issue('mailErrors.host')));

export const smtpSettingsSchema = z.object({
  enabled: z.boolean(),
  host: hostField,
  port: z.number().int().min(1).max(65535),
  /** tls: TLS from the start (465); starttls: upgrade required (587); none: plain, for a server on this machine. */
  security: z.enum(SMTP_SECURITY),
  /** The login; '' sends without logging in. */
  user: optionalText(320).transform((s) => s ?? ''),
  /** The sender address. */
  fromAddress: mailAddress,
});
export type SmtpSettings = z.output<typeof smtpSettingsSchema>;

export const DEFAULT_SMTP_SETTINGS: SmtpSettings = { enabled: false, host: '', port: 587, security: 'starttls', user: '', fromAddress: '' };

const smtpSettingsView = smtpSettingsSchema.extend({
  /** Whether a password is known (stored in the secret store, or given in the environment). */
  passwordSet: z.boolean(),
  /** Where the password lives: the desktop keychain, which the settings page can write, or the environment. */
  passwordStore: z.enum(['keychain', 'environment']),
});

const mailOptOutSchema = z.object({ ownerId: z.string(), optedOut: z.boolean() });

export const mailContract = {
  'mail:getSettings': { input: z.object({}), output: smtpSettingsView },
  'mail:setSettings': {
    input: smtpSettingsSchema
      .extend({
        /** A new password for the secret store; left out keeps the one there, null removes it. */
        password: z.string().max(500).nullable().optional(),
      })
      .superRefine((s, ctx) => {
        if (!s.enabled) return;
        if (s.host === '') ctx.addIssue({ code: 'custom', path: ['host'], message: issue('mailErrors.hostRequired') });
        if (s.fromAddress === '') ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: issue('mailErrors.fromRequired') });
      }),
    output: smtpSettingsView,
    changes: ['mail', 'settings'],
  },
  /** Sends one message with the settings as saved; says the server's answer, or refuses with its error. */
  'mail:sendTest': {
    input: z.object({ recipient: mailAddress.refine((s) => s !== '', issue('validation.email')) }),
    output: z.object({ messageId: z.string(), response: z.string() }),
  },
  'mail:optOuts': { input: z.object({}), output: z.object({ ownerIds: z.array(z.string()) }) },
  'mail:setOptOut': {
    input: z.object({ ownerId: idField, optedOut: z.boolean() }),
    output: mailOptOutSchema,
    changes: ['mail', 'owners'],
  },
} as const;
