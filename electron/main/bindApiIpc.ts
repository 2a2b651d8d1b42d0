import type { Envelope } from '../../shared/api/appError.ts';
import type { ApiName } from '../../shared/api/apiContract.ts';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/apiBridge.ts';
import { API_NAMES } from '../../shared/api/apiContract.ts';
import { receivedSessionToken } from '../services/accounts/sessionTokens.ts';
import type { Backend } from '../services/backend/backend.ts';
import type { Logger } from '../services/logger.ts';
import type { InvokeEventLike, IpcMainLike } from './electronApi.ts';

export interface ApiIpcBinding {
  /** Every operation reachable over IPC: the whole contract (the backend's table covers it; registerHandlers checks). */
  readonly operations: readonly ApiName[];
  unbind(): void;
}

export interface BindApiIpcOptions {
  ipcMain: IpcMainLike;
  backend: Backend;
  isTrustedSender(event: InvokeEventLike): boolean;
  logger: Logger;
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', field: null, key: 'errors.forbidden', params: {}, message: '拒绝访问：请求并非来自续约管家的主窗口' },
};

/**
 * Serves the whole handler table on one channel that carries the operation name. The callback holds no logic
 * of its own: after the sender check the call goes to the backend worker, whose dispatch refuses unknown names and
 * runs the zod input schema.
 */
export function bindApiIpc(options: BindApiIpcOptions): ApiIpcBinding {
  const { ipcMain, backend, logger } = options;
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, name, input, session) => {
    if (!options.isTrustedSender(event)) {
      logger.warn('refused IPC call from a foreign frame', { name: String(name), url: event.senderFrame?.url ?? null });
      return FORBIDDEN;
    }
    // Team mode: the token the window signed in with; anything not shaped like one is no session (the gate then asks
    // for a login), never an error of its own.
    return backend.call(typeof name === 'string' ? name : String(name), input, receivedSessionToken(session));
  });
  return {
    operations: [...API_NAMES],
    unbind: () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL),
  };
}
