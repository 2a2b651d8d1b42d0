// Bundle entry of the backend worker (dist/node/backend.mjs, dist-electron/main/backendWorker.js). One script, two
// roles: the backend worker a host starts, and the writer thread the backend worker starts from the same script.
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendWorkerData } from './backendProtocol.ts';
import { runBackendWorker } from './backendRouter.ts';
import { runWriterThread } from './writerThread.ts';

const data = workerData as BackendWorkerData;
if (!parentPort) throw new Error('the backend runs as a worker thread');
if (data.role === 'writer') await runWriterThread(parentPort, data);
else await runBackendWorker(parentPort, data);
