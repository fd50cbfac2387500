import { Actor, MessageContract, NoPayload } from '@app/contracts';
import { MessagePattern, Payload } from '@nestjs/microservices';

/** A handler of a declared message: its payload, its actor, and an answer of the declared reply. */
export type MessageHandler<P, R> = (payload: P, actor: Actor | null) => R | Promise<R>;

/**
 * Marks the method that answers `contract`, the message's one declaration. The
 * method takes the payload first and the actor second (either may be left off
 * at the end), and TypeScript refuses one whose payload or reply is of another
 * type. The payload is validated as the declared class: a method whose first
 * parameter is typed otherwise is refused when the class is loaded, at boot.
 */
export function Handles<P, R>(contract: MessageContract<P, R>) {
  return (
    target: object,
    method: string | symbol,
    // Only `value` is named: the check is on the method's type, and a full descriptor is invariant.
    descriptor: { value?: MessageHandler<P, R> },
  ): void => {
    const parameters = (Reflect.getMetadata('design:paramtypes', target, method) ??
      []) as unknown[];
    const takesNothing = parameters.length === 0 && contract.payload === NoPayload;
    if (parameters[0] !== contract.payload && !takesNothing) {
      const where = `${target.constructor.name}.${String(method)}`;
      throw new Error(
        `${where} handles ${contract.subject}: its first parameter must be typed ${contract.payload.name}`,
      );
    }
    MessagePattern(contract.subject)(target, method, descriptor as PropertyDescriptor);
    Payload('data')(target, method, 0);
    Payload('actor')(target, method, 1);
  };
}
