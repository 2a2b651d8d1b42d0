import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_OPEN_ATTACHMENT_CHANNEL, IPC_SAVE_FILE_CHANNEL } from '../../shared/api/apiBridge.ts';
import { createApiBridge, type IpcRendererLike } from './createApiBridge.ts';

// Only the Electron runtime is faked: contextBridge and ipcRenderer are recorded, the bridge code is real.

type Forward = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Forward[]>();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike = {
    invoke(channel, ...args) {
      invoked.push([channel, ...args]);
      return Promise.resolve({ ok: true, data: { echoed: args } });
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipc;
    },
    removeListener(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      return ipc;
    },
  };
  const sendFromMain = (channel: string, ...args: unknown[]) => {
    const electronEvent = { sender: { secret: 'ipcRenderer' }, senderId: 0 };
    for (const l of listeners.get(channel) ?? []) l(electronEvent, ...args);
  };
  return { ipc, invoked, sendFromMain, listenerCount: (channel: string) => listeners.get(channel)?.length ?? 0 };
}

describe('preload.ts', () => {
  it('exposes exactly one global, `api`, with only invoke, on, saveFile and openAttachment', async () => {
    const exposeInMainWorld = vi.fn();
    const { ipc } = fakeIpcRenderer();
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: ipc }));
    await import('./preload.ts');
    vi.doUnmock('electron');

    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'openAttachment', 'saveFile']);
    expect(typeof api['invoke']).toBe('function');
    expect(typeof api['on']).toBe('function');
  });
});

describe('createApiBridge', () => {
  it('invokes contract operations on the one channel with name and input', async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    await api.invoke('customers:list', { search: '云启' });
    expect(fake.invoked).toEqual([[IPC_INVOKE_CHANNEL, 'customers:list', { search: '云启' }, null]]);
  });

  it("sends the page's session token with the call, and nothing but a string as one", async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    await api.invoke('owners:list', {}, 'tok_en-1');
    await api.invoke('owners:list', {}, { steal: true } as unknown as string);
    expect(fake.invoked).toEqual([
      [IPC_INVOKE_CHANNEL, 'owners:list', {}, 'tok_en-1'],
      [IPC_INVOKE_CHANNEL, 'owners:list', {}, null],
    ]);
  });

  it('sends only a file name and the bytes on the save channel, whatever else the page adds', async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    const request = { fileName: 'a.csv', contentBase64: 'YQ==', path: '/etc/passwd' };
    await api.saveFile(request);
    expect(fake.invoked).toEqual([[IPC_SAVE_FILE_CHANNEL, { fileName: 'a.csv', contentBase64: 'YQ==' }]]);
  });

  it('sends only the attachment id on the open channel', async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    await api.openAttachment('0190aaaa-0000-7000-8000-000000000001');
    expect(fake.invoked).toEqual([[IPC_OPEN_ATTACHMENT_CHANNEL, { attachmentId: '0190aaaa-0000-7000-8000-000000000001' }]]);
  });

  it("adds the page's session token to an attachment open, when it has one", async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    await api.openAttachment('0190aaaa-0000-7000-8000-000000000001', 'tok_en-1');
    expect(fake.invoked).toEqual([[IPC_OPEN_ATTACHMENT_CHANNEL, { attachmentId: '0190aaaa-0000-7000-8000-000000000001', session: 'tok_en-1' }]]);
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    const reply = await api.invoke('shell:exec' as never, {} as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await api.invoke('toString' as never, {} as never)).toMatchObject({ ok: false });
    expect(fake.invoked).toEqual([]);
  });

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const api = createApiBridge(fake.ipc);
    const seen: unknown[][] = [];
    const off = api.on('data:changed', (...args: unknown[]) => seen.push(args));

    fake.sendFromMain(IPC_EVENT_CHANNEL, 'data:changed', { domains: ['customers'] });
    fake.sendFromMain(IPC_EVENT_CHANNEL, 'something:else', { x: 1 });
    expect(seen).toEqual([[{ domains: ['customers'] }]]);

    off();
    expect(fake.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    fake.sendFromMain(IPC_EVENT_CHANNEL, 'data:changed', { domains: ['owners'] });
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to events outside the contract', () => {
    const api = createApiBridge(fakeIpcRenderer().ipc);
    expect(() => api.on('ipc:raw' as never, () => {})).toThrow(TypeError);
  });
});
