import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ADDRESS_LIMIT } from '../auth/auth-throttling';
import { GATEWAY_CONTROLLERS } from '../gateway.module';
import { Problem } from '../http/problem';
import { withConventions } from './conventions';
import { routeDeclarations } from './route-declarations';

/** Every route of the API is under this prefix; the document names full paths. */
export const API_PREFIX = 'api/v1';

/** The OpenAPI document of the gateway's routes, as /api/docs-json serves it. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Community Time Bank API')
    .setDescription(
      'Help requests, verified volunteer hours, a time-credit ledger, tiers and merchant rewards ' +
        "for a city's communities. JSON in and out; times are ISO 8601 in UTC, dates YYYY-MM-DD, " +
        'amounts of time credit whole minutes. Errors are application/problem+json (see Problem); ' +
        'every response carries X-Request-Id, traceresponse (its trace) and Content-Language.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    // Paths are absolute (/api/v1/…): the server is wherever this document was read from.
    .addServer('/', 'The gateway serving this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The accessToken from POST /auth/login, /auth/register or /auth/refresh',
    })
    .addTag('Health', 'Whether the services behind the gateway answer')
    .addTag('Identity and communities', 'Sign-up and sign-in, members, roles and communities')
    .addTag('Credits', 'Accounts, statements, gifts, community funds and the ledger')
    .addTag('Help requests', 'Asking for help, taking it on, confirming and paying for it')
    .addTag('Logged hours and service records', 'Hours served, their review, records, tiers')
    .addTag('Rewards', 'Partner merchants, their offers and the vouchers members claim')
    .addTag('Reports', "Figures of a community's activity")
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
  return withConventions(document, routeDeclarations(GATEWAY_CONTROLLERS, [ADDRESS_LIMIT]));
}

/** Serves `document` at /api/docs-json and its UI at /api/docs. */
export function setUpApiDocs(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Community Time Bank API',
  });
}
