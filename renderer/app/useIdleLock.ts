import { useEffect, useRef } from 'react';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Call `onIdle` once after `minutes` without a key press or pointer movement (the screen then
 * locks and this component goes away). Checked on a timer, so a sleeping workstation that wakes
 * long after the limit locks at once.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const last = useRef(0);
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    last.current = Date.now();
    const seen = () => {
      last.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, seen, { passive: true });
    let fired = false;
    const timer = setInterval(() => {
      if (!fired && Date.now() - last.current >= minutes * 60_000) {
        fired = true;
        idle.current();
      }
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, seen);
    };
  }, [minutes]);
}
