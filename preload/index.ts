// The dashboard's only door to main: named functions on window.pacebar, one per IPC channel.
// No raw ipcRenderer, no IPC event objects and no Node reach the page (sandboxed, context-isolated).
// Bundled by electron-vite into one CommonJS file (out/preload/index.cjs), as sandboxed preloads require.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EventChannels,
  InvokeChannels,
  type ActionResult,
  type CredentialsInput,
  type DashboardState,
  type GoalInput,
  type PacebarApi,
  type SettingsPatch,
  type SignInMethod,
} from './contract';

const api: PacebarApi = {
  getState: (): Promise<DashboardState> => ipcRenderer.invoke(InvokeChannels.getState),
  saveCredentials: (input: CredentialsInput): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.saveCredentials, input),
  connect: (method: SignInMethod): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.connect, method),
  cancelConnect: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.cancelConnect),
  disconnect: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.disconnect),
  refresh: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.refresh),
  updateSettings: (patch: SettingsPatch): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.updateSettings, patch),
  addGoal: (input: GoalInput): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.addGoal, input),
  removeGoal: (goalId: number): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.removeGoal, goalId),
  openAthleteOnStrava: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.openAthleteOnStrava),
  openActivityOnStrava: (activityId: number): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.openActivityOnStrava, activityId),
  openStravaApiSettings: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.openStravaApiSettings),
  quit: (): Promise<ActionResult> => ipcRenderer.invoke(InvokeChannels.quit),
  onStateChanged(listener: (state: DashboardState) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onStateChanged needs a function');
    // The page gets the state only: the IPC event (with its sender) stays in the preload.
    const forward = (_event: IpcRendererEvent, state: DashboardState) => listener(state);
    ipcRenderer.on(EventChannels.stateChanged, forward);
    return () => {
      ipcRenderer.removeListener(EventChannels.stateChanged, forward);
    };
  },
};

contextBridge.exposeInMainWorld('pacebar', api);
