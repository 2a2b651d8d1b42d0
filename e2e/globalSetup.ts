import { startWebHostProcess } from './webHostProcess.ts';

// The first web host to start builds a stale renderer and web bundle (tens of seconds on a fresh clone). One
// start here, before any test, keeps that out of the tests' timeouts and lets workers share the result.
export default async function buildOnce(): Promise<void> {
  const host = await startWebHostProcess();
  await host.stop();
}
