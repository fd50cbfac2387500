import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { GatewayConfig } from '../config/gateway-config';
import { GatewayModule } from '../gateway.module';
import { API_PREFIX, apiDocument } from './swagger';

/**
 * The document the gateway serves, made without running anything: in preview
 * mode Nest reads the modules and routes but makes no provider, so nothing
 * connects to NATS, and the app is never listened on. For `npm run openapi`.
 */
export async function offlineApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(new GatewayConfig()),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    app.setGlobalPrefix(API_PREFIX);
    return apiDocument(app);
  } finally {
    await app.close();
  }
}
