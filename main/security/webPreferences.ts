// The locked-down renderer settings every Pacebar window starts from (Electron's security checklist).
import type { WebPreferences } from 'electron';

export const LOCKED_DOWN_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Middle-click would open links in a new window before setWindowOpenHandler could refuse it.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;
