import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg, translatorFor } from '../../../shared/i18n/message.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';
import { listMailOptOuts, setMailOptOut } from '../../../db/repositories/mailOutboxRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { environmentSecretStore } from '../secretStore.ts';
import { readLocaleSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readSmtpSettings } from './mailSettings.ts';
import { createMailTransport, transportOptionsOf, type CreateMailTransport } from './mailTransport.ts';

const secretsOf = (ctx: ServiceContext) => ctx.secrets ?? environmentSecretStore();

export async function getMailSettings(ctx: ServiceContext): Promise<ApiOutput<'mail:getSettings'>> {
  const secrets = secretsOf(ctx);
  const settings = await readSmtpSettings(ctx.db);
  return { ...settings, passwordSet: (await secrets.get('smtpPassword')) !== null, passwordStore: secrets.kind };
}

/** Saves the server settings (audited, like every setting) and hands a new password to the secret store only. */
export async function setMailSettings(ctx: ServiceContext, input: ApiParsedInput<'mail:setSettings'>): Promise<ApiOutput<'mail:setSettings'>> {
  const { password, ...settings } = input;
  // The secret first: a store that cannot keep it refuses before anything is saved.
  if (password !== undefined) await secretsOf(ctx).set('smtpPassword', password === '' ? null : password);
  await withTransaction(ctx.db, (tx) => saveSetting(tx, 'smtp', settings, auditMeta(ctx, 'update')));
  return getMailSettings(ctx);
}

/** One message with the settings as saved, so the settings page shows whether they work before reminders rely on them. */
export async function sendTestMail(
  ctx: ServiceContext,
  input: ApiParsedInput<'mail:sendTest'>,
  createTransport: CreateMailTransport = createMailTransport,
): Promise<ApiOutput<'mail:sendTest'>> {
  const settings = await readSmtpSettings(ctx.db);
  if (settings.host === '' || settings.fromAddress === '') throw new AppError('VALIDATION', msg('mailErrors.notConfigured'), 'host');
  const t = translatorFor(await readLocaleSetting(ctx.db));
  const transport = await createTransport(transportOptionsOf(settings, await secretsOf(ctx).get('smtpPassword')));
  try {
    const info = await transport.sendMail({ from: settings.fromAddress, to: input.recipient, subject: t('mail.testSubject'), text: t('mail.testBody') });
    return { messageId: info.messageId, response: info.response };
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new AppError('VALIDATION', msg('mailErrors.sendFailed', { error }), 'recipient');
  } finally {
    transport.close();
  }
}

export async function listOptOuts(ctx: ServiceContext): Promise<ApiOutput<'mail:optOuts'>> {
  return { ownerIds: await listMailOptOuts(ctx.db) };
}

export async function setOptOut(ctx: ServiceContext, input: ApiParsedInput<'mail:setOptOut'>): Promise<ApiOutput<'mail:setOptOut'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await findLiveOwner(tx, { id: input.ownerId }))) throw new AppError('NOT_FOUND', msg('mailErrors.ownerMissing'), 'ownerId');
    await setMailOptOut(tx, input.ownerId, input.optedOut, ctx.now().toISOString());
    return { ownerId: input.ownerId, optedOut: input.optedOut };
  });
}
