import 'reflect-metadata';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  checkNats,
  createLogger,
  DependencyError,
  exitWith,
  PinoNestLogger,
  instrumentProcess,
  readConfig,
  startTracing,
  stopOnSignal,
  strictValidationPipe,
} from '@app/common';
import { GatewayConfig, productionProblems } from './config/gateway-config';
import { API_PREFIX, apiDocument, setUpApiDocs } from './docs/swagger';
import { GatewayModule } from './gateway.module';
import { answerFrameworkError, clientErrorHandler } from './http/framework-refusals';
import { installHttpHooks } from './http/http-hooks';
import { exposeMetrics } from './http/http-metrics';
import { installHttpTracing, TRACE_RESPONSE_HEADER } from './http/http-tracing';
import { installJsonBodyParser } from './http/json-body';
import { setDefaultLocale } from './http/language';
import { requestIdFor } from './http/request-id';
import { serveWebApp } from './web/web-app';

const BODY_LIMIT_BYTES = 1024 * 1024;

async function bootstrap(): Promise<void> {
  const config = readConfig('gateway', GatewayConfig);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const tracing = startTracing('gateway', config, logger);
  const problems = productionProblems(config);
  if (problems.length > 0) exitWith('gateway', problems.join('; '));
  try {
    await checkNats(config.natsServers);
  } catch (error) {
    if (error instanceof DependencyError) exitWith('gateway', error.message);
    throw error;
  }
  setDefaultLocale(config.DEFAULT_LOCALE);
  instrumentProcess('gateway');
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: requestIdFor,
    requestIdHeader: false,
    logger: false,
    // Refusals made before a request reaches any hook answer as problems too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: clientErrorHandler(logger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(config),
    adapter,
    // Nest's parsers (JSON without a depth limit, and forms) give way to ours.
    { logger: new PinoNestLogger(logger), bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  installJsonBodyParser(fastify, BODY_LIMIT_BYTES);
  installHttpTracing(fastify);
  installHttpHooks(fastify, logger);
  const metrics = await exposeMetrics(fastify, config);
  await app.register(cookie);
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      exposedHeaders: ['X-Request-Id', 'Retry-After', TRACE_RESPONSE_HEADER],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-Request-Id',
        'traceparent',
        'tracestate',
      ],
      maxAge: 600,
    });
  }
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(strictValidationPipe());
  setUpApiDocs(app, apiDocument(app));
  await serveWebApp(fastify, config.webRoot, logger);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info(
    { port: config.PORT, prefix: config.NATS_SUBJECT_PREFIX, metricsPort: metrics?.port },
    'gateway ready',
  );
  stopOnSignal('gateway', logger, async () => {
    await app.close();
    await metrics?.close();
    await tracing.shutdown();
  });
}

void bootstrap();
