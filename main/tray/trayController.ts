// The tray icon: its menu and tooltip follow trayMenuModel on every state change (and once a
// minute, so "Updated 3 min ago" stays true). The icon only, no macOS menu-bar title.
// The menu is replaced only when an item changed, and never while it is open: on macOS
// setContextMenu swaps the status item's NSMenu, which closes a menu being read
// (shell/browser/ui/tray_icon_cocoa.mm SetContextMenu; electron/electron#4801). A change that
// arrives while it is open is applied once it closes (Menu's menu-will-show / menu-will-close).
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { DashboardState } from '../../core/domain';
import { trayMenuModel, type TrayItem, type TrayItemId } from './trayMenuModel';

export type TrayAction = Exclude<TrayItemId, 'athlete' | 'summary' | 'updated' | 'status' | 'update' | 'separator'>;

export interface TrayControllerOptions {
  iconPath: string;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
  now?: () => number;
  /** How often the menu is rebuilt without a state change (relative times). */
  tickMs?: number;
}

const ACTIONS: ReadonlySet<TrayItemId> = new Set<TrayItemId>([
  'open',
  'refresh',
  'connect',
  'disconnect',
  'settings',
  'installUpdate',
  'checkForUpdates',
  'openDownloadPage',
  'quit',
]);

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
    if (ACTIONS.has(item.id)) {
      const action = item.id as TrayAction;
      template.click = () => onAction(action);
    }
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
  private menuOpen = false;

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

  private render(): void {
    if (!this.state || this.tray.isDestroyed()) return;
    const model = trayMenuModel(this.state, (this.options.now ?? Date.now)());
    if (model.tooltip !== this.shownTooltip) {
      this.tray.setToolTip(model.tooltip);
      this.shownTooltip = model.tooltip;
    }
    const items = JSON.stringify(model.items);
    // While open, the change waits for menu-will-close (which renders again).
    if (items === this.shownItems || this.menuOpen) return;
    const menu = Menu.buildFromTemplate(menuTemplate(model.items, this.options.onAction));
    menu.on('menu-will-show', () => {
      this.menuOpen = true;
    });
    menu.on('menu-will-close', () => {
      this.menuOpen = false;
      // Next turn: the chosen item's click is delivered by the menu being closed first.
      setImmediate(() => this.render());
    });
    this.tray.setContextMenu(menu);
    this.shownItems = items;
  }
}
