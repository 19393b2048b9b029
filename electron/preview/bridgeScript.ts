import { HANDLER_NAMES } from '../../shared/handlerNames';

/**
 * /preview-bridge.js: `window.sen` (SenBridge) for a browser, over the preview host's HTTP API.
 * Plain ES2020 in a string: it is served as is, before the app's module script runs.
 */
export function bridgeScript(): string {
  return `"use strict";
(() => {
  const KEY = "sen.previewToken";
  const NAMES = ${JSON.stringify(HANDLER_NAMES)};
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    // Keep the token for this tab only, and take it out of the address bar (no copy-paste leaks).
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete("token");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
  const token = sessionStorage.getItem(KEY) || "";
  const fail = (code, message) => ({ ok: false, error: { code, message } });
  const listeners = new Set();
  let events = null;
  function listen() {
    if (events) return;
    events = new EventSource("/api/events?token=" + encodeURIComponent(token));
    events.addEventListener("changed", (e) => {
      const areas = JSON.parse(e.data);
      for (const l of [...listeners]) l(areas);
    });
  }
  const sen = {
    invoke(name, input) {
      if (!NAMES.includes(name)) return Promise.resolve(fail("UNKNOWN_HANDLER", "Unknown handler: " + String(name)));
      return fetch("/api/invoke", {
        method: "POST",
        headers: { "content-type": "application/json", "x-sen-token": token },
        body: JSON.stringify({ name, input }),
      })
        .then((res) => res.json())
        .catch((err) => fail("INTERNAL", "Preview host unreachable: " + String(err)));
    },
    subscribe(listener) {
      listeners.add(listener);
      listen();
      return () => { listeners.delete(listener); };
    },
  };
  Object.defineProperty(window, "sen", { value: Object.freeze(sen), writable: false, configurable: false });
})();
`;
}
