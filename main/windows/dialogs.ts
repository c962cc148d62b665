// The app's few native dialogs.
import { dialog } from 'electron';

export async function confirmDisconnect(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Disconnect', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Disconnect Pacebar from Strava?',
    detail: 'Pacebar revokes its access at Strava and forgets the saved stats. You can connect again at any time.',
  });
  return response === 0;
}

/** Start-up could not complete: say why in one line and leave. */
export function showStartupError(message: string): void {
  dialog.showErrorBox('Pacebar cannot start', message);
}
