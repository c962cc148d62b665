import type { PacebarApi } from '../../preload/contract';

declare global {
  interface Window {
    /** Exposed by the preload through contextBridge. The renderer's only way to talk to main. */
    readonly pacebar: PacebarApi;
  }
}

export {};
