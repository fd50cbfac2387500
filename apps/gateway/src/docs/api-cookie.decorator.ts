import { DECORATORS } from '@nestjs/swagger';

/** An optional cookie parameter of an operation (@nestjs/swagger has a decorator for headers only). */
export function ApiCookieParam(name: string, description: string): MethodDecorator {
  const parameter = {
    name,
    in: 'cookie',
    required: false,
    description,
    schema: { type: 'string' },
  };
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const previous = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, handler) ?? []) as unknown[];
    Reflect.defineMetadata(DECORATORS.API_PARAMETERS, [...previous, parameter], handler);
    return descriptor;
  };
}
