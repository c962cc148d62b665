// What the tray icon and the macOS menu-bar title show at a glance: the primary goal (the first)
// when there is one, else the primary sport's week.
import type { DashboardState, GlanceView, GoalView, Settings } from '../domain';
import { periodValue } from './labels';

export function glanceView(state: Pick<DashboardState, 'data' | 'settings'>, goals: readonly GoalView[], settings: Pick<Settings, 'menuBarTitle' | 'trayIcon'>): GlanceView {
  const primary = goals[0] ?? null;
  if (!state.data) return { menuBarTitle: null, ring: null };
  const week = periodValue(state, state.settings.primarySport, 'week');
  const menuBarTitle = settings.menuBarTitle === 'off' ? null : settings.menuBarTitle === 'goal' && primary ? primary.text.short : week;
  const ring = settings.trayIcon === 'ring' && primary && primary.status !== 'counting' ? { fraction: primary.fraction, status: primary.status } : null;
  return { menuBarTitle, ring };
}
