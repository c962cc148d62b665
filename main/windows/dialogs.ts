// The app's few native dialogs.
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';

export interface DialogPlacement {
  /** The open dashboard: the dialog is attached to it (a sheet on macOS), so it cannot hide behind. */
  parent: BrowserWindow | null;
  /** macOS agent apps (no Dock icon) are not in front when the tray menu is used: come forward first. */
  bringAppToFront?: () => void;
}

function showMessageBox(options: MessageBoxOptions, placement: DialogPlacement) {
  if (placement.parent) return dialog.showMessageBox(placement.parent, options);
  // A parentless dialog of an app that is not frontmost opens behind the front app on macOS.
  placement.bringAppToFront?.();
  return dialog.showMessageBox(options);
}

export async function confirmDisconnect(placement: DialogPlacement): Promise<boolean> {
  const { response } = await showMessageBox(
    {
      type: 'question',
      buttons: ['Disconnect', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Disconnect Pacebar from Strava?',
      detail: 'Pacebar revokes its access at Strava and forgets the saved stats. You can connect again at any time.',
    },
    placement,
  );
  return response === 0;
}

/** Start-up could not complete: say why in one line and leave. */
export function showStartupError(message: string): void {
  dialog.showErrorBox('Pacebar cannot start', message);
}
