import type { SenBridge } from '../shared/api';

declare global {
  interface Window {
    /** Put on the page by the preload (desktop) or the preview host (tests). */
    sen: SenBridge;
  }
}

export {};
