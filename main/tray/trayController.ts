// The tray icon: its image, menu, tooltip and (macOS) menu-bar title follow the state on every
// change (and once a minute, so "Updated 3 min ago" stays true). Each is set only when it changed:
// the image when the ring's look changes (trayIconImage.ts; the theme's 'updated' and, on Windows,
// a display scale change redraw it), the title in place (setTitle touches the status item's
// button, not its menu: tray_icon_cocoa.mm), the menu only when an item changed.
// macOS only: the menu is never replaced while it is open. There setContextMenu swaps the status
// item's NSMenu, which closes a menu being read (shell/browser/ui/tray_icon_cocoa.mm SetContextMenu;
// electron/electron#4801), and the menu says when it opens and closes: ElectronMenuController's
// menuWillOpen/menuDidClose call the model's MenuWillShow/MenuWillClose, which Menu emits as
// menu-will-show / menu-will-close (shell/browser/ui/cocoa/electron_menu_controller.mm,
// shell/browser/api/electron_api_menu.cc). A submenu shares the root's controller: opening it
// emits menu-will-show again, and closing it emits menu-will-close while the root stays open, the
// root's own close then emitting nothing. So once a submenu has opened, a close no longer proves
// the menu is gone: the change waits for an item to be chosen (which closes the menu) or MAX_HOLD_MS.
// Elsewhere those events are documented for menu.popup() only (docs/api/menu.md); a Linux tray
// menu is drawn by each StatusNotifier host, which may send neither or only one
// (electron/electron#28837), and replacing it closes nothing: so no hold there. Even on macOS a
// close that never comes holds a change for at most MAX_HOLD_MS.
import { Menu, Tray, nativeTheme, screen, type MenuItemConstructorOptions } from 'electron';
import type { DashboardState } from '../../core/domain';
import { plainIcon, trayIconChoice } from './trayIconImage';
import { isTrayAction, trayMenuModel, type TrayAction, type TrayItem } from './trayMenuModel';

export type { TrayAction } from './trayMenuModel';

/** The longest a change waits for an open menu to close (macOS) before it replaces the menu anyway. */
export const MAX_HOLD_MS = 2 * 60_000;

export interface TrayControllerOptions {
  /** The plain icon (build/tray): shown until a state asks for the goal ring, and whenever it does not. */
  iconPath: string;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
  /** "Recent activities" ▸ an activity: open it on Strava. */
  onOpenActivity?: (activityId: number) => void;
  now?: () => number;
  /** How often the menu is rebuilt without a state change (relative times). */
  tickMs?: number;
}

/** What a chosen item calls back with. */
export interface MenuHandlers {
  onAction: (action: TrayAction) => void;
  onOpenActivity?: (activityId: number) => void;
  /** Before any item's own handler: an item was chosen, so the menu is closing. */
  onChosen?: () => void;
}

/**
 * A label as it reads: '&' marks a mnemonic in menu labels on Windows and Linux and is dropped by
 * macOS (electron_menu_controller.mm FixUpWindowsStyleLabel), so an activity called "Run & coffee"
 * is written "Run && coffee".
 */
export function menuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

export function menuTemplate(items: TrayItem[], onAction: MenuHandlers | ((action: TrayAction) => void)): MenuItemConstructorOptions[] {
  const handlers: MenuHandlers = typeof onAction === 'function' ? { onAction } : onAction;
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const template: MenuItemConstructorOptions = { id: item.id, label: menuLabel(item.label), enabled: item.enabled };
    const id = item.id;
    const chosen = (then: () => void) => () => {
      handlers.onChosen?.();
      then();
    };
    if (item.submenu) template.submenu = menuTemplate(item.submenu, handlers);
    else if (isTrayAction(id)) template.click = chosen(() => handlers.onAction(id));
    else if (id === 'activity' && item.activityId !== undefined) {
      const activityId = item.activityId;
      template.click = chosen(() => handlers.onOpenActivity?.(activityId));
    }
    return template;
  });
}

export class TrayController {
  private readonly tray: Tray;
  private state: DashboardState | null = null;
  private notices: readonly string[] = [];
  private readonly tick: ReturnType<typeof setInterval>;
  /** The image, items, tooltip and title now in the tray, to skip a change that would change nothing. */
  private shownIcon = 'plain';
  private shownItems: string | null = null;
  private shownTooltip: string | null = null;
  private shownTitle = '';
  /** macOS: when the shown menu last said it opened or closed, while it may be open; null once closed. */
  private heldSince: number | null = null;
  /** macOS: a submenu opened since the menu did, so a menu-will-close may be the submenu's. */
  private submenuSeen = false;
  private readonly redrawIcon = () => this.renderIcon();

  constructor(private readonly options: TrayControllerOptions) {
    this.tray = new Tray(plainIcon(options.iconPath, options.platform));
    // Windows and Linux: a left click opens the dashboard; the menu is on right click.
    // (On macOS a click shows the menu, as menu-bar extras do.)
    if (options.platform !== 'darwin') this.tray.on('click', () => options.onAction('open'));
    nativeTheme.on('updated', this.redrawIcon);
    if (options.platform === 'win32') screen.on('display-metrics-changed', this.redrawIcon);
    this.tick = setInterval(() => this.render(), options.tickMs ?? 60_000);
    this.tick.unref?.();
  }

  update(state: DashboardState): void {
    this.state = state;
    this.render();
  }

  /** Lines the notifications could not show (main/notifications): menu lines until replaced. */
  setNotices(notices: readonly string[]): void {
    this.notices = [...notices];
    this.render();
  }

  destroy(): void {
    clearInterval(this.tick);
    nativeTheme.off('updated', this.redrawIcon);
    screen.off('display-metrics-changed', this.redrawIcon);
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Whether a change must wait: macOS, the menu (maybe) open, and not for longer than MAX_HOLD_MS. */
  private holding(now: number): boolean {
    return this.heldSince !== null && now - this.heldSince < MAX_HOLD_MS;
  }

  private render(): void {
    if (!this.state || this.tray.isDestroyed()) return;
    this.renderIcon();
    this.renderTitle(this.state);
    const now = this.now();
    const model = trayMenuModel(this.state, now, this.notices);
    if (model.tooltip !== this.shownTooltip) {
      this.tray.setToolTip(model.tooltip);
      this.shownTooltip = model.tooltip;
    }
    const items = JSON.stringify(model.items);
    // While open, the change waits for the menu to close (which renders again), or for a tick after MAX_HOLD_MS.
    if (items === this.shownItems || this.holding(now)) return;
    const menu = Menu.buildFromTemplate(
      menuTemplate(model.items, { onAction: this.options.onAction, onOpenActivity: this.options.onOpenActivity, onChosen: () => this.menuClosed() }),
    );
    this.heldSince = null;
    this.submenuSeen = false;
    if (this.options.platform === 'darwin') {
      menu.on('menu-will-show', () => {
        // A second show before a close: a submenu opened (its controller is the root's).
        if (this.heldSince !== null) this.submenuSeen = true;
        this.heldSince = this.now();
      });
      menu.on('menu-will-close', () => {
        if (this.submenuSeen) {
          // Maybe only the submenu closed: keep holding, from now.
          this.heldSince = this.now();
          return;
        }
        this.menuClosed();
      });
    }
    this.tray.setContextMenu(menu);
    this.shownItems = items;
  }

  /** The menu is gone (closed, or an item chosen): a held change lands on the next turn. */
  private menuClosed(): void {
    if (this.heldSince === null) return;
    this.heldSince = null;
    this.submenuSeen = false;
    // Next turn: the chosen item's click is delivered by the menu being closed first.
    setImmediate(() => this.render());
  }

  private renderIcon(): void {
    if (!this.state || this.tray.isDestroyed()) return;
    const choice = trayIconChoice({
      ring: this.state.glance.ring,
      platform: this.options.platform,
      plainIconPath: this.options.iconPath,
      theme: nativeTheme,
      displayScale: this.options.platform === 'win32' ? screen.getPrimaryDisplay().scaleFactor : 1,
    });
    if (choice.key === this.shownIcon) return;
    this.tray.setImage(choice.build());
    this.shownIcon = choice.key;
  }

  /** macOS only: Tray::SetTitle is a no-op elsewhere (electron_api_tray.cc, `#if IS_MAC`). */
  private renderTitle(state: DashboardState): void {
    if (this.options.platform !== 'darwin') return;
    const title = state.glance.menuBarTitle ?? '';
    if (title === this.shownTitle) return;
    // Digits of one width: "92/150 km" does not shift the menu bar as the figures change.
    this.tray.setTitle(title, { fontType: 'monospacedDigit' });
    this.shownTitle = title;
  }
}
