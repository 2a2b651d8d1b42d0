import type { InvokeEventLike, WebContentsLike } from './electronApi.ts';

/**
 * Accepts an IPC call only from the top frame of the main window while it shows our own page. An iframe,
 * another window, or the main window after navigating elsewhere is refused (the frame is null after a
 * navigation, hence refused too).
 */
export function trustedSenderCheck(
  mainContents: () => WebContentsLike | null,
  isAppPage: (url: string) => boolean,
): (event: InvokeEventLike) => boolean {
  return (event) => {
    const contents = mainContents();
    const frame = event.senderFrame;
    return contents !== null && event.sender === contents && frame !== null && frame.parent === null && isAppPage(frame.url);
  };
}
