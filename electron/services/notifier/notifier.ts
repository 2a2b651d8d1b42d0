/** One OS notification. `subjectUrl` is the in-app route to open on click (e.g. `/customers/<id>`). */
export interface NotificationRequest {
  title: string;
  body: string;
  subjectUrl?: string;
}

/**
 * The port through which services raise native notifications. `notify` resolves once the OS has accepted the
 * notification and rejects when it could not be handed over, so a caller (the reminder outbox) can leave the
 * record undelivered and try again later.
 */
export interface Notifier {
  notify(request: NotificationRequest): Promise<void>;
}
