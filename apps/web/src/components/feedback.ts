import { showSuccessToast } from 'vant';
import './feedback.css';

/** "Done" in words a member can read: wide enough for a sentence, not a five-line column. */
export function done(message: string): void {
  showSuccessToast({
    message,
    className: 'tb-toast-wide',
    wordBreak: 'normal',
    // Vant's toast is a popup with role="dialog" and no name; a passing message is a status.
    ...({ role: 'status' } as object),
  });
}

/** A phone number as people read it: +86 139 1234 5678. */
export function phoneText(phone: string): string {
  const cn = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(phone);
  return cn ? `+86 ${cn[1]} ${cn[2]} ${cn[3]}` : phone;
}

/**
 * Attributes for a popup's overlay: Vant makes it a button (tap outside to
 * close) without a name. Its props type lists no ARIA attributes, though Vant
 * passes them on to the element.
 */
export function namedOverlay(label: string): object {
  return { 'aria-label': label };
}
