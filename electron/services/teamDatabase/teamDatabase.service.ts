import { engineOf } from '../../../db/handle.ts';
import { redactPostgresUrl } from '../../../db/postgres/postgresUrl.ts';
import { serverVersionAt } from '../../../db/postgres/serverVersion.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { readChosenLocation, writeChosenLocation } from '../chosenLocation.ts';
import { userDataDir, withPassword } from '../dataLocation.ts';
import { environmentSecretStore, type SecretStore } from '../secretStore.ts';
import type { ServiceContext } from '../serviceContext.ts';

// 设置 → 团队数据库. The choice is this computer's, not the archive's: it is kept in the per-user data directory (the
// same one the desktop's userData, the web host and the CLI use), and read at the next start (resolveDbLocation).

const TEST_TIMEOUT_MS = 8000;

const secretsOf = (ctx: ServiceContext): SecretStore => ctx.secrets ?? environmentSecretStore();
/** The desktop names its userData; the web host and the CLI use the same directory by its platform rule. */
const dataDirOf = (ctx: ServiceContext) => ctx.userDataDir ?? userDataDir();

/** The URL without a password in its user-info part or its parameters: that goes to the keychain, never to the file. */
function splitPassword(url: string): { url: string; password: string | null } {
  const inUser = /^(postgres(?:ql)?:\/\/[^:/?#@]*):([^@]*)@/i.exec(url);
  const inParam = /([?&])password=([^&#]*)&?/i.exec(url);
  let bare = url;
  let password: string | null = null;
  if (inUser) {
    password = decodeURIComponent(inUser[2]!);
    bare = bare.replace(inUser[0], `${inUser[1]}@`);
  }
  if (inParam) {
    password ??= decodeURIComponent(inParam[2]!);
    bare = bare.replace(/([?&])password=[^&#]*&?/i, '$1').replace(/[?&]$/, '');
  }
  return { url: bare, password };
}

export async function getTeamDatabase(ctx: ServiceContext): Promise<ApiOutput<'teamDatabase:get'>> {
  const engine = engineOf(ctx.db);
  const chosen = readChosenLocation(dataDirOf(ctx));
  const secrets = secretsOf(ctx);
  const shownChosen = chosen === null ? null : redactPostgresUrl(chosen);
  return {
    current: { engine, location: ctx.dataFile },
    chosen: shownChosen,
    // ctx.dataFile is the masked URL of a team archive; a file run while a server is chosen (or the reverse) was told so.
    overridden: engine === 'postgres' ? shownChosen !== ctx.dataFile : chosen !== null,
    passwordKept: (await secrets.get('postgresPassword').catch(() => null)) !== null,
    passwordStore: secrets.kind,
  };
}

/** Dials the server with the URL and the password given (or the kept one); the answer, or why not in words. */
export async function testTeamDatabase(ctx: ServiceContext, input: ApiParsedInput<'teamDatabase:test'>): Promise<ApiOutput<'teamDatabase:test'>> {
  const given = splitPassword(input.url);
  const password = input.password || given.password || (await secretsOf(ctx).get('postgresPassword').catch(() => null));
  const location = redactPostgresUrl(given.url);
  try {
    const serverVersion = await serverVersionAt(withPassword(given.url, password), TEST_TIMEOUT_MS);
    return { location, serverVersion };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // pg may quote what it was given; the password never comes back in an answer.
    const safe = password ? detail.replaceAll(password, '***') : detail;
    throw new AppError('VALIDATION', msg('teamDb.testFailed', { detail: safe }), 'url');
  }
}

/** Keeps the URL (without its password) for the next start and the password in the keychain; or goes back to the file. */
export async function chooseTeamDatabase(ctx: ServiceContext, input: ApiParsedInput<'teamDatabase:choose'>): Promise<ApiOutput<'teamDatabase:choose'>> {
  const secrets = secretsOf(ctx);
  if (input.url === null) {
    writeChosenLocation(dataDirOf(ctx), null);
    if (input.password === null && secrets.kind === 'keychain') await secrets.set('postgresPassword', null);
    return getTeamDatabase(ctx);
  }
  const given = splitPassword(input.url);
  const password = input.password === null ? null : input.password || given.password || undefined;
  if (password !== undefined) {
    // The web host and the CLI read PGPASSWORD and have no keychain to keep a password in.
    if (secrets.kind !== 'keychain') throw new AppError('VALIDATION', msg('teamDb.noKeychain'), 'password');
    await secrets.set('postgresPassword', password);
  }
  writeChosenLocation(dataDirOf(ctx), given.url);
  return getTeamDatabase(ctx);
}
