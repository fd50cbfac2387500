import { onBeforeUnmount, watchEffect } from 'vue';

/**
 * The paper a page prints on (`@page`), for as long as the component that asks
 * is on screen: a rule in a stylesheet would outlive it and size every later print.
 */
export function usePrintedPage(rule: () => string): void {
  const style = document.createElement('style');
  style.dataset.tbPrintedPage = '';
  document.head.appendChild(style);
  watchEffect(() => {
    style.textContent = `@page { ${rule()} }`;
  });
  onBeforeUnmount(() => style.remove());
}
