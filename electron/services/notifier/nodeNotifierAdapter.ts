import type { Notifier } from './notifier.ts';

// node-notifier takes tens of milliseconds to load (semver, which, is-wsl …): it is loaded for the first toast,
// so a CLI command or a web host start that shows no toast does not pay for it.
let defaultNotifier: Promise<NodeNotifierLike> | undefined;
const loadDefaultNotifier = () => (defaultNotifier ??= import('node-notifier').then((m) => m.default));

/** The slice of node-notifier this adapter uses; its platform notifiers (NotifySend, WindowsToaster…) all fit it. */
export interface NodeNotifierLike {
  notify(
    notification: { title: string; message: string; icon?: string; 'app-name'?: string; wait?: boolean },
    callback: (error: Error | null, response: string) => void,
  ): unknown;
}

export interface NodeNotifierOptions {
  /** Defaults to node-notifier's notifier for this OS (notify-send over D-Bus on Linux). */
  notifier?: NodeNotifierLike;
  /** Shown as the sending application by notify-send (`--app-name`). */
  appName?: string;
  /** Absolute path of an icon file. */
  icon?: string;
  platform?: NodeJS.Platform;
}

/**
 * The Notifier used by the web host and the CLI, which have no Electron. Clicks are not routed back: the
 * in-app notification centre holds the record, so `subjectUrl` is not needed here.
 */
export function createNodeNotifier(options: NodeNotifierOptions = {}): Notifier {
  // Only notify-send understands app-name; Windows' SnoreToast would receive it as an unknown switch.
  const appName = options.appName && isNotifySendPlatform(options.platform ?? process.platform) ? options.appName : undefined;
  return {
    async notify(request) {
      const notifier = options.notifier ?? (await loadDefaultNotifier());
      return new Promise<void>((resolve, reject) => {
        notifier.notify(
          {
            title: request.title,
            message: request.body,
            // `wait: false` lets notify-send return at once instead of blocking until the toast expires.
            wait: false,
            ...(options.icon ? { icon: options.icon } : {}),
            ...(appName ? { 'app-name': appName } : {}),
          },
          (error) => (error ? reject(error) : resolve()),
        );
      });
    },
  };
}

function isNotifySendPlatform(platform: NodeJS.Platform): boolean {
  return platform === 'linux' || platform === 'freebsd' || platform === 'openbsd';
}
