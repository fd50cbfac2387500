import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Problem } from '../http/problem';

/** Every route of the API is under this prefix; the document names full paths. */
export const API_PREFIX = 'api/v1';

/** The OpenAPI document of the gateway's routes, as /api/docs-json serves it. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Community Time Bank API')
    .setDescription(
      'Help requests, verified volunteer hours, a time-credit ledger, tiers and merchant rewards ' +
        "for a city's communities. Errors are application/problem+json (see Problem); every " +
        'response carries X-Request-Id.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
}

/** Serves `document` at /api/docs-json and its UI at /api/docs. */
export function setUpApiDocs(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Community Time Bank API',
  });
}
