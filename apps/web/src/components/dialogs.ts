/**
 * Vant's dialogs with an accessible name. Vant puts the title's text, not an id, in
 * aria-labelledby, so a screen reader announces a nameless dialog (axe: aria-dialog-name);
 * an aria-label, passed through to the dialog's element, gives it the title.
 */
import { showConfirmDialog, showDialog } from 'vant';
import { i18n } from '@/i18n';

interface Question {
  /** Also the dialog's name; without one, the question itself names it. */
  title?: string;
  message: string;
  confirmButtonText: string;
  cancelButtonText?: string;
}

/** Asks before something that cannot be taken back; true when the member confirms. */
export async function confirmed(question: Question): Promise<boolean> {
  const options = {
    cancelButtonText: i18n.global.t('common.cancel'),
    ...question,
    messageAlign: 'left' as const,
    'aria-label': question.title ?? question.message,
  };
  try {
    await showConfirmDialog(options);
    return true;
  } catch {
    return false;
  }
}

/** Tells why something did not happen, and waits until the member has read it. */
export async function told(title: string, message: string): Promise<void> {
  const options = {
    title,
    message,
    messageAlign: 'left' as const,
    confirmButtonText: i18n.global.t('common.close'),
    'aria-label': title,
  };
  await showDialog(options);
}
