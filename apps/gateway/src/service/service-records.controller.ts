import { ServiceClient } from '@app/common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CertificateCodeDto,
  CertificateView,
  ServiceRecordView,
  ServiceSubjects,
  TierListItemView,
} from '@app/contracts';
import { Access, Public } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from '../identity/id-param.dto';

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
  record(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ServiceRecordView> {
    return this.services.call(ServiceSubjects.serviceRecordGet, { id }, actor);
  }

  @Get('certificates/:code')
  @Public()
  @ApiOperation({ summary: 'Verify a service certificate by its code (no sign-in)' })
  @ApiResponse({ status: 200, type: CertificateView })
  @ApiProblems(404)
  certificate(@Param() { code }: CertificateCodeDto): Promise<CertificateView> {
    return this.services.call(ServiceSubjects.certificateGet, { code }, null);
  }

  @Get('tiers')
  @Public()
  @ApiOperation({ summary: 'The tiers lifetime verified hours unlock, lowest first' })
  @ApiResponse({ status: 200, type: [TierListItemView] })
  tiers(): Promise<TierListItemView[]> {
    return this.services.call(ServiceSubjects.tierList, {}, null);
  }
}
