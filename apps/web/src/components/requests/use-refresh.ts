import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Fetches again when the member comes back to the app (unlocks the phone,
 * switches back from a call): what others did meanwhile (accepted, confirmed,
 * credited) shows without a reload.
 */
export function useRefreshOnReturn(refresh: () => unknown): void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refresh();
  };
  onMounted(() => document.addEventListener('visibilitychange', onVisible));
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', onVisible));
}
