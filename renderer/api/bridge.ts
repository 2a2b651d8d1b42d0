import type { ApiBridge } from '../../shared/api/apiBridge.ts';
import { createHttpBridge } from './httpBridge.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    api?: ApiBridge;
  }
}

/** Picked once at start-up: the preload's bridge inside Electron, HTTP + SSE against the web host otherwise. */
export const bridge: ApiBridge = window.api ?? createHttpBridge();
