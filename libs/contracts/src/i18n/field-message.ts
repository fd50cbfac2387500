import type { ValidationArguments } from 'class-validator';
import { MessageKey } from './en';
import { formatMessage, isMessageKey, Message, MessageParams } from './translate';

/**
 * class-validator keeps only a string per failed constraint, so a decorator's
 * message carries its key and params inside that string, behind this mark;
 * flattenValidationErrors reads them back (readFieldMessage). Nothing else sees it.
 */
const MARK = '\u0001i18n:';

/**
 * A class-validator `message` by key: `{field}` is the property's name unless
 * given, and `params` may add the constraint's values.
 */
export function fieldMessage(
  key: MessageKey,
  params: MessageParams = {},
): (args: ValidationArguments) => string {
  return (args) => MARK + JSON.stringify({ key, params: { field: args.property, ...params } });
}

/** The key and params a fieldMessage put in a constraint's message, or null for any other text. */
export function readFieldMessage(text: string): Message | null {
  if (!text.startsWith(MARK)) return null;
  try {
    const parsed = JSON.parse(text.slice(MARK.length)) as { key?: unknown; params?: MessageParams };
    return isMessageKey(parsed.key) ? { key: parsed.key, params: parsed.params ?? {} } : null;
  } catch {
    return null;
  }
}

/** The English text of a message: what logs and the `message` field of the wire carry. */
export function englishOf(message: Message): string {
  return formatMessage('en', message.key, message.params);
}
