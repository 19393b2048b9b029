import { cleanNotifications } from '@mantine/notifications';
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18next, initI18n } from '../../renderer/i18n';

// Mantine reads these browser APIs; happy-dom lacks some of them.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
}

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
// Textarea autosize listens for font loading.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });
}
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};

initI18n('vi');

beforeEach(async () => {
  window.localStorage.clear();
  await i18next.changeLanguage('vi');
  document.documentElement.lang = 'vi';
});

afterEach(() => {
  act(() => cleanNotifications());
  cleanup();
});
