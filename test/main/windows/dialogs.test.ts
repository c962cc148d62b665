// Dialogs of an agent app: attached to the open dashboard, or the app brought forward first, so a
// question never opens behind the front app on macOS.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { BrowserWindow, dialog, resetFakes } from '../fakes/electron';
import { confirmDisconnect } from '../../../main/windows/dialogs';

describe('confirmDisconnect', () => {
  beforeEach(() => {
    resetFakes();
    vi.mocked(dialog.showMessageBox).mockClear();
  });

  it('with the dashboard open: a dialog attached to it (a sheet on macOS)', async () => {
    const dashboard = new BrowserWindow({ title: 'Pacebar' });
    const bringAppToFront = vi.fn();
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(confirmDisconnect({ parent: dashboard as unknown as Electron.BrowserWindow, bringAppToFront })).resolves.toBe(true);
    const [parent, options] = vi.mocked(dialog.showMessageBox).mock.calls[0]!;
    expect(parent).toBe(dashboard);
    expect(options).toMatchObject({ message: 'Disconnect Pacebar from Strava?', cancelId: 1 });
    expect(bringAppToFront).not.toHaveBeenCalled();
  });

  it('from the tray with no window: the app comes to the front before the dialog opens', async () => {
    const order: string[] = [];
    const bringAppToFront = vi.fn(() => order.push('front'));
    vi.mocked(dialog.showMessageBox).mockImplementationOnce(async () => {
      order.push('dialog');
      return { response: 1, checkboxChecked: false };
    });
    await expect(confirmDisconnect({ parent: null, bringAppToFront })).resolves.toBe(false);
    expect(order).toEqual(['front', 'dialog']);
    expect(vi.mocked(dialog.showMessageBox).mock.calls[0]).toHaveLength(1);
  });
});
