import { startWebHostProcess } from './webHostProcess.ts';

// Workers run specs side by side, and the first web host to start would build a stale renderer and web bundle
// (two workers at once would both build). One start here, before any worker, leaves both up to date.
export default async function buildOnce(): Promise<void> {
  const host = await startWebHostProcess();
  await host.stop();
}
