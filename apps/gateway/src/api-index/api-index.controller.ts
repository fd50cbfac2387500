import fs from 'node:fs';
import path from 'node:path';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Locale, LOCALES } from '@app/contracts';
import { Public } from '../auth/access.decorator';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';

export class ApiLinks {
  @ApiProperty({ example: '/api/docs', description: 'The API reference (Swagger UI)' })
  docs!: string;
  @ApiProperty({ example: '/api/docs-json', description: 'The OpenAPI document' })
  docsJson!: string;
  @ApiProperty({ example: '/api/v1/health', description: 'Whether every service answers' })
  health!: string;
}

export class ApiIndexView {
  @ApiProperty({ type: ApiLinks }) links!: ApiLinks;
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: "The city's IANA time zone: today, dates and report days are days on its clocks",
  })
  cityTimeZone!: string;
  @ApiProperty({
    enum: LOCALES,
    example: 'zh-CN',
    description: 'The language of answers when Accept-Language asks for none of ours',
  })
  defaultLocale!: Locale;
  @ApiProperty({ example: '0.1.0', description: 'The version of the running suite' })
  version!: string;
}

export const API_LINKS: ApiLinks = {
  docs: '/api/docs',
  docsJson: '/api/docs-json',
  health: '/api/v1/health',
};

@ApiTags('Health')
@Controller()
export class ApiIndexController {
  private readonly version = suiteVersion();

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Where the docs and health are, and what a client must know first' })
  @ApiResponse({ status: 200, type: ApiIndexView })
  index(): ApiIndexView {
    return {
      links: API_LINKS,
      cityTimeZone: this.config.CITY_TIME_ZONE,
      defaultLocale: this.config.DEFAULT_LOCALE,
      version: this.version,
    };
  }
}

/** The version in the repository's package.json, the nearest above this file (sources or dist/). */
function suiteVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const { name, version } = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      ) as { name?: string; version?: string };
      if (name === 'community-time-bank' && version) return version;
    } catch {
      // none here: look further up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
