import { ServiceClient } from '@app/common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  categoriesIn,
  CategoryView,
  CertificateCodeDto,
  Locale,
  CertificateView,
  ServiceRecordView,
  VolunteersMessages,
  TierListItemView,
  tierName,
  withTierName,
} from '@app/contracts';
import { Access, Public } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { RequestLocale } from '../http/locale.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Logged hours and service records')
@Controller()
export class ServiceRecordsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('volunteers/:id/service-record')
  @Access()
  @ApiOperation({
    summary: "A volunteer's service record: what, where, when, how long, verified by whom",
    description: "The volunteer, coordinators of the volunteer's community and admins.",
  })
  @ApiResponse({ status: 200, type: ServiceRecordView })
  @ApiProblems(404)
  async record(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @RequestLocale() locale: Locale,
  ): Promise<ServiceRecordView> {
    const record = await this.services.call(VolunteersMessages.serviceRecordGet, { id }, actor);
    return withTierName(record, locale);
  }

  @Get('certificates/:code')
  @Public()
  @ApiOperation({ summary: 'Verify a service certificate by its code (no sign-in)' })
  @ApiResponse({ status: 200, type: CertificateView })
  @ApiProblems(404)
  async certificate(
    @Param() { code }: CertificateCodeDto,
    @RequestLocale() locale: Locale,
  ): Promise<CertificateView> {
    const certificate = await this.services.call(VolunteersMessages.certificateGet, { code }, null);
    return withTierName(certificate, locale);
  }

  @Get('tiers')
  @Public()
  @ApiOperation({ summary: 'The tiers lifetime verified hours unlock, lowest first' })
  @ApiResponse({ status: 200, type: [TierListItemView] })
  async tiers(@RequestLocale() locale: Locale): Promise<TierListItemView[]> {
    const tiers = await this.services.call(VolunteersMessages.tierList, {}, null);
    return tiers.map((tier) => ({ ...tier, name: tierName(tier.level, locale) }));
  }

  @Get('categories')
  @Public()
  @ApiTags('Help requests')
  @ApiOperation({
    summary: 'The help request categories, with their names in the language of Accept-Language',
  })
  @ApiResponse({ status: 200, type: [CategoryView] })
  categories(@RequestLocale() locale: Locale): CategoryView[] {
    return categoriesIn(locale);
  }
}
