import { BackendService, declaredMessages, HEALTH_MESSAGES } from '@app/contracts';
import { Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

/** Each subject the controllers answer, with the methods that answer it. */
export function handledSubjects(controllers: readonly Type<unknown>[]): Map<string, string[]> {
  const handled = new Map<string, string[]>();
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      const patterns = (Reflect.getMetadata(PATTERN_METADATA, method) ?? []) as string[];
      for (const subject of patterns) {
        handled.set(subject, [...(handled.get(subject) ?? []), `${controller.name}.${name}`]);
      }
    }
  }
  return handled;
}

/**
 * What is wrong between a service's declared messages and its controllers: a
 * declared message nobody answers, one answered twice, or a handler of a
 * subject no contract declares. Empty when every message has one handler.
 */
export function handlerProblems(
  service: BackendService,
  controllers: readonly Type<unknown>[],
): string[] {
  const handled = handledSubjects(controllers);
  // Liveness and readiness are answered by the probes' own subscription, outside Nest, so
  // that a service whose Nest side is stuck still says so.
  const { live, ready } = HEALTH_MESSAGES[service];
  const declared = declaredMessages()
    .filter((contract) => contract.service === service && contract !== live && contract !== ready)
    .map(({ subject }) => subject);
  const problems: string[] = [];
  for (const subject of declared) {
    const methods = handled.get(subject) ?? [];
    if (methods.length !== 1) problems.push(`${subject}: answered by ${methods.length} methods`);
  }
  for (const [subject, methods] of handled) {
    if (!declared.includes(subject))
      problems.push(`${methods.join(', ')}: ${subject} is declared nowhere`);
  }
  return problems;
}
