import type { Locale } from '../../shared/i18n/enumLabels.ts';

/**
 * The language of what the CLI says before it has opened the archive (help, usage errors, a file it cannot
 * open): RENEWAL_DESK_LANG, else the usual locale variables; zh-CN unless one of them names English. Once the
 * archive is open, its own language setting decides.
 */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const named = [env['RENEWAL_DESK_LANG'], env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  return named !== undefined && /^en([-_.@]|$)/i.test(named) ? 'en-US' : 'zh-CN';
}
