import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Problem } from '../http/problem';

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setUpApiDocs(app: INestApplication): void {
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
  const document = SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Community Time Bank API',
  });
}
