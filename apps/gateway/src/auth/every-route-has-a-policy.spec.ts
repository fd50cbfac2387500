import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { GatewayConfig } from '../config/gateway-config';
import { GatewayModule } from '../gateway.module';
import { ACCESS_POLICY } from './access.decorator';

describe('access policies', () => {
  it('are declared on every route of the gateway, so none is open by accident', () => {
    const controllers = GatewayModule.forRoot(new GatewayConfig()).controllers ?? [];
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const controller of controllers) {
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype).filter((n) => n !== 'constructor')) {
        const handler = prototype[name];
        if (
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        )
          continue;
        const route = `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]} ${controller.name}.${name}`;
        routes.push(route);
        const policy =
          Reflect.getMetadata(ACCESS_POLICY, handler) ??
          Reflect.getMetadata(ACCESS_POLICY, controller);
        if (!policy) undeclared.push(route);
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(undeclared).toEqual([]);
  });
});
