import type { Envelope } from './appError.ts';
import type { ApiInput, ApiName, ApiOutput } from './apiContract.ts';
import type { ApiEventName, ApiEvents } from './events.ts';

/** The whole surface the renderer sees: `window.api` in Electron, an HTTP client in the browser. */
export interface ApiBridge {
  invoke<N extends ApiName>(name: N, input: ApiInput<N>): Promise<Envelope<ApiOutput<N>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** The IPC channel names; the preload and electron/main agree on them through this module only. */
export const IPC_INVOKE_CHANNEL = 'api:invoke';
export const IPC_EVENT_CHANNEL = 'api:event';
