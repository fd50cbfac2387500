import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Calls `tick` every `ms` while the page is on screen and visible (a hidden tab or a
 * locked tablet asks nothing), at once when it becomes visible again; never two at
 * a time. Stops when the page goes.
 */
export function usePoll(tick: () => Promise<unknown>, ms: number): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let gone = false;

  async function round(): Promise<void> {
    timer = null;
    if (gone || document.visibilityState !== 'visible' || running) return;
    running = true;
    try {
      await tick();
    } catch {
      // The page's own state shows the failure; the next round tries again.
    } finally {
      running = false;
      schedule();
    }
  }

  function schedule(): void {
    if (gone || timer !== null || document.visibilityState !== 'visible') return;
    timer = setTimeout(() => void round(), ms);
  }

  function onVisibility(): void {
    if (document.visibilityState === 'visible' && timer === null && !running) void round();
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
  });
  onBeforeUnmount(() => {
    gone = true;
    document.removeEventListener('visibilitychange', onVisibility);
    if (timer !== null) clearTimeout(timer);
  });
}
