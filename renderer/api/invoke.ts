import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/apiContract.ts';
import { ApiCallError } from './ApiCallError.ts';
import { bridge } from './bridge.ts';
import { noteRefusal, sessionToken } from '../accounts/sessionToken.ts';

/** The one typed call into the app; an `ok:false` envelope becomes a thrown ApiCallError. */
export async function invoke<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  // Team mode: the session goes with every call, over IPC (the preload) or HTTP (the X-Renewal-Session header).
  const envelope = await bridge.invoke(name, input, sessionToken());
  if (!envelope.ok) {
    // Team mode: a session that ended brings the login page back instead of leaving every page in error.
    noteRefusal(envelope.error.key);
    throw new ApiCallError(envelope.error);
  }
  return envelope.data;
}
