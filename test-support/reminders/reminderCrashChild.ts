// A reminder process for the crash test (reminderCrash.test.ts): it starts up like the scheduler (redeliver the
// outbox, then tick) at a given instant and SIGKILLs itself at a named hook point. Toasts go to an append-only
// log, written synchronously, standing in for what the OS showed before the process died.
import fs from 'node:fs';
import { silentLogger } from '../../electron/services/logger.ts';
import type { Notifier } from '../../electron/services/notifier/notifier.ts';
import { openServiceContext } from '../../electron/services/openServiceContext.ts';
import { deliverOutbox } from '../../electron/services/reminders/deliverOutbox.ts';
import type { TickHookPoint } from '../../electron/services/reminders/reminderTick.ts';
import { tickAndDeliver } from '../../electron/services/reminders/tickScheduler.ts';

const [file, nowIso, killAt, toastLog] = process.argv.slice(2) as [string, string, TickHookPoint | 'none', string];
const now = new Date(nowIso);
const hooks = {
  reached(point: TickHookPoint) {
    if (point === killAt) process.kill(process.pid, 'SIGKILL');
  },
};
const notifier: Notifier = {
  notify: async (request) => fs.appendFileSync(toastLog, `${JSON.stringify(request)}\n`),
};

const { ctx, close } = await openServiceContext({ file, now: () => now, logger: silentLogger });
await deliverOutbox(ctx, notifier, { hooks });
const outcome = await tickAndDeliver(ctx, notifier, { hooks });
await close();
process.stdout.write(`${JSON.stringify({ fired: outcome.fired.length })}\n`);
