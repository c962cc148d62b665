// Who may call main over IPC: only the main frame of the dashboard window, while it shows the
// bundled renderer at app://pacebar. A subframe, another window or a page that somehow navigated
// elsewhere is refused (Electron's security checklist, "Validate the sender of all IPC messages").
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from '../protocol/appOrigin';

type FrameLike = Pick<WebFrameMain, 'processId' | 'routingId' | 'url' | 'parent'>;
type ContentsLike = Pick<WebContents, 'id' | 'isDestroyed'> & { mainFrame: FrameLike };
type EventLike = { sender: Pick<WebContents, 'id'>; senderFrame: FrameLike | null };

export function isTrustedSender(event: EventLike | IpcMainInvokeEvent, dashboard: ContentsLike | null): boolean {
  if (!dashboard || dashboard.isDestroyed()) return false;
  if (event.sender.id !== dashboard.id) return false;
  const frame = event.senderFrame;
  // senderFrame is null once the frame navigated away or was destroyed: refuse.
  if (!frame) return false;
  const main = dashboard.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppUrl(frame.url);
}
