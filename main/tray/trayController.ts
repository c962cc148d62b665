// The tray icon: its menu and tooltip follow trayMenuModel on every state change (and once a
// minute, so "Updated 3 min ago" stays true). The icon only, no macOS menu-bar title.
// The menu is replaced only when an item changed.
// macOS only: never while it is open. There setContextMenu swaps the status item's NSMenu, which
// closes a menu being read (shell/browser/ui/tray_icon_cocoa.mm SetContextMenu; electron/electron#4801),
// and the menu says when it opens and closes: ElectronMenuController's menuWillOpen/menuDidClose
// call the model's MenuWillShow/MenuWillClose, which Menu emits as menu-will-show / menu-will-close
// (shell/browser/ui/cocoa/electron_menu_controller.mm, shell/browser/api/electron_api_menu.cc).
// Elsewhere those events are documented for menu.popup() only (docs/api/menu.md); a Linux tray
// menu is drawn by each StatusNotifier host, which may send neither or only one
// (electron/electron#28837), and replacing it closes nothing: so no hold there. Even on macOS a
// close that never comes holds a change for at most MAX_HOLD_MS.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { DashboardState } from '../../core/domain';
import { isTrayAction, trayMenuModel, type TrayAction, type TrayItem } from './trayMenuModel';

export type { TrayAction } from './trayMenuModel';

/** The longest a change waits for an open menu to close (macOS) before it replaces the menu anyway. */
export const MAX_HOLD_MS = 2 * 60_000;

export interface TrayControllerOptions {
  iconPath: string;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
  now?: () => number;
  /** How often the menu is rebuilt without a state change (relative times). */
  tickMs?: number;
}

export function trayIcon(iconPath: string, platform: NodeJS.Platform): NativeImage {
  const image = nativeImage.createFromPath(iconPath);
  // macOS draws template images in the menu bar's colour (light and dark menu bars).
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function menuTemplate(items: TrayItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const template: MenuItemConstructorOptions = { id: item.id, label: item.label, enabled: item.enabled };
    const id = item.id;
    if (isTrayAction(id)) template.click = () => onAction(id);
    return template;
  });
}

export class TrayController {
  private readonly tray: Tray;
  private state: DashboardState | null = null;
  private readonly tick: ReturnType<typeof setInterval>;
  /** The items and tooltip now in the tray, to skip a rebuild that would change nothing. */
  private shownItems: string | null = null;
  private shownTooltip: string | null = null;
  /** macOS: when the shown menu opened (menu-will-show), or null while it is closed. */
  private openSince: number | null = null;

  constructor(private readonly options: TrayControllerOptions) {
    this.tray = new Tray(trayIcon(options.iconPath, options.platform));
    // Windows and Linux: a left click opens the dashboard; the menu is on right click.
    // (On macOS a click shows the menu, as menu-bar extras do.)
    if (options.platform !== 'darwin') this.tray.on('click', () => options.onAction('open'));
    this.tick = setInterval(() => this.render(), options.tickMs ?? 60_000);
    this.tick.unref?.();
  }

  update(state: DashboardState): void {
    this.state = state;
    this.render();
  }

  destroy(): void {
    clearInterval(this.tick);
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Whether a change must wait: macOS, the menu open, and not for longer than MAX_HOLD_MS. */
  private holding(now: number): boolean {
    return this.openSince !== null && now - this.openSince < MAX_HOLD_MS;
  }

  private render(): void {
    if (!this.state || this.tray.isDestroyed()) return;
    const now = this.now();
    const model = trayMenuModel(this.state, now);
    if (model.tooltip !== this.shownTooltip) {
      this.tray.setToolTip(model.tooltip);
      this.shownTooltip = model.tooltip;
    }
    const items = JSON.stringify(model.items);
    // While open, the change waits for menu-will-close (which renders again), or for a tick after MAX_HOLD_MS.
    if (items === this.shownItems || this.holding(now)) return;
    const menu = Menu.buildFromTemplate(menuTemplate(model.items, this.options.onAction));
    this.openSince = null;
    if (this.options.platform === 'darwin') {
      menu.on('menu-will-show', () => {
        this.openSince = this.now();
      });
      menu.on('menu-will-close', () => {
        this.openSince = null;
        // Next turn: the chosen item's click is delivered by the menu being closed first.
        setImmediate(() => this.render());
      });
    }
    this.tray.setContextMenu(menu);
    this.shownItems = items;
  }
}
