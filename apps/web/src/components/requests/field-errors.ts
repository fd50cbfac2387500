import { ApiProblem } from '@/api/problem';

/** Fields of the request form named as the API names them. */
const SAME_NAME = ['title', 'description', 'category', 'estimatedMinutes'];

/**
 * What the API said of the fields of a request it refused, keyed by the form field
 * each shows under (its window's start and end are the form's one window). A
 * resident posting their own request and a coordinator posting one for a member
 * fill in the same request, so the API's answer lands the same way on both forms.
 * Anything but an ApiProblem (the network, say) blames no field.
 */
export function requestFieldErrors(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiProblem)) return errors;
  for (const field of SAME_NAME) {
    const message = error.fieldMessage(field);
    if (message) errors[field] = message;
  }
  const window = error.fieldMessage('windowStart') ?? error.fieldMessage('windowEnd');
  if (window) errors.window = window;
  return errors;
}
