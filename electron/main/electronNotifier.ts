import type { Logger } from '../services/logger.ts';
import type { Notifier } from '../services/notifier/notifier.ts';
import type { NotificationConstructor, NotificationLike } from './electronApi.ts';

export interface ElectronNotifierOptions {
  Notification: NotificationConstructor;
  /** Called on click: bring the window forward and open the subject, when there is one. */
  open(subjectUrl: string | undefined): void;
  logger: Logger;
}

/** The desktop Notifier: Electron's Notification, whose click takes the user to the subject in the app. */
export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  // A shown Notification that nothing references can be garbage-collected, and its click handler with it;
  // holding it until it is clicked or closed keeps "click → open" working for toasts that sit in the tray.
  const live = new Set<NotificationLike>();
  return {
    notify(request) {
      if (!options.Notification.isSupported()) {
        return Promise.reject(new Error('this system does not support native notifications'));
      }
      const notification = new options.Notification({ title: request.title, body: request.body });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        options.open(request.subjectUrl);
      });
      notification.on('close', () => live.delete(notification));
      notification.on('failed', (_event, error) => {
        live.delete(notification);
        options.logger.warn('notification failed', error);
      });
      notification.show();
      return Promise.resolve();
    },
  };
}
