import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import type { MessageKey, TranslateParams } from '../../shared/i18n/createTranslator.ts';
import { translatorFor } from '../../shared/i18n/message.ts';
import type { Logger } from '../services/logger.ts';

export interface ExternalLinkOpenerOptions {
  /** shell.openExternal: hands the URL to the system's default handler. */
  openExternal(url: string): Promise<void>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  /** The archive's language; null (or a failure) when it cannot be read, and the box then speaks both. */
  archiveLocale(): Promise<Locale | null>;
  logger: Logger;
}

const CANCEL = 0;
const OPEN = 1;
/** A link can be kilobytes long; the box shows its start, the host line above says where it goes. */
const SHOWN_URL_LENGTH = 300;

/**
 * The only way a link leaves the app. shell.openExternal hands a URL to whatever the OS registered for its
 * scheme (file:, smb:, ms-settings:, a custom app protocol…), so only http(s) passes, and only after the user
 * confirms the host in a native box whose default button is Cancel. The host shown is the one the URL really
 * reaches (after any user@ part, in punycode), so a lookalike link cannot pass as a familiar name.
 */
export function externalLinkOpener(options: ExternalLinkOpenerOptions): (url: string) => Promise<void> {
  return async (url) => {
    const target = webUrl(url);
    if (!target) {
      options.logger.warn('refused to open a link that is not http(s)', schemeOf(url));
      return;
    }
    const locale = await options.archiveLocale().catch((e: unknown) => {
      options.logger.warn('could not read the archive language for the link box', e);
      return null;
    });
    const word = wording(locale);
    const shownUrl = target.href.length > SHOWN_URL_LENGTH ? `${target.href.slice(0, SHOWN_URL_LENGTH)}…` : target.href;
    const { response } = await options.showMessageBox({
      type: 'question',
      title: word('desktop.openLink.title'),
      message: word('desktop.openLink.message', { host: target.host }),
      detail: word('desktop.openLink.detail', { url: shownUrl }),
      buttons: [word('desktop.openLink.cancel'), word('desktop.openLink.open')],
      defaultId: CANCEL,
      cancelId: CANCEL,
      noLink: true,
    });
    if (response !== OPEN) return;
    await options.openExternal(target.href);
  };
}

/** The URL when it is an http(s) link with a host, else null. */
export function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.host !== '' ? parsed : null;
  } catch {
    return null;
  }
}

/** Only the scheme goes to the log: the rest of a refused URL may carry whatever the page put in it. */
export function schemeOf(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '(not a URL)';
}

/** One language when the archive's is known; otherwise Chinese with the English beneath (one line for short texts). */
function wording(locale: Locale | null): (key: MessageKey, params?: TranslateParams) => string {
  if (locale) return translatorFor(locale);
  const zh = translatorFor('zh-CN');
  const en = translatorFor('en-US');
  const oneLine: readonly MessageKey[] = ['desktop.openLink.title', 'desktop.openLink.open', 'desktop.openLink.cancel'];
  return (key, params) => `${zh(key, params)}${oneLine.includes(key) ? ' ' : '\n'}${en(key, params)}`;
}
