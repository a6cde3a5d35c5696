// Calls refresh now and every intervalMs while the page is visible; a hidden page (minimised
// window, background tab) stops asking, and showing it again refreshes at once.
import { useEffect } from 'react';

export function useAutoRefresh(refresh: () => void, intervalMs: number): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const start = () => {
      stop();
      refresh();
      timer = setInterval(refresh, intervalMs);
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh, intervalMs]);
}
