import type { ApiName } from '../../shared/api/apiContract.ts';
import type { Envelope } from '../../shared/api/appError.ts';

/**
 * How the CLI reaches the handler table: an operation by name with input as the user gave it, answered with its
 * envelope. The input is not typed here because it comes from flags; the backend checks it with the contract.
 */
export type BackendCall = (name: ApiName, input: unknown) => Promise<Envelope<unknown>>;
