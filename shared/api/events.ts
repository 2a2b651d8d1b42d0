// Main → renderer events. Each carries plain JSON; the renderer subscribes through the typed `on`.
export interface ApiEvents {
  /** Something was written; the renderer refetches the listed domains. */
  'data:changed': { domains: string[] };
}
export type ApiEventName = keyof ApiEvents;
export const API_EVENT_NAMES: readonly ApiEventName[] = ['data:changed'];
