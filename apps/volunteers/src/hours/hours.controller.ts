import { Handles } from '@app/common';
import {
  Actor,
  CommunityQueueQuery,
  VolunteersMessages,
  VolunteersQueue,
  ApproveHoursCommand,
  ApproveManyHoursCommand,
  ApproveManyResultView,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  HourLogIdDto,
  HourLogPage,
  HourLogView,
  HoursQueryDto,
  LogHoursDto,
  RejectHoursCommand,
  RejectManyHoursCommand,
  RejectManyResultView,
  ServiceSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { HoursService } from './hours.service';

@Controller()
export class HoursController {
  constructor(private readonly hours: HoursService) {}

  @Handles(VolunteersMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.hours.holdsHold(query);
  }

  @MessagePattern(ServiceSubjects.hoursLog)
  log(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: LogHoursDto,
  ): Promise<HourLogView> {
    return this.hours.log(actor, dto);
  }

  @MessagePattern(ServiceSubjects.hoursList)
  list(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: HoursQueryDto,
  ): Promise<HourLogPage> {
    return this.hours.list(actor, query);
  }

  @MessagePattern(ServiceSubjects.hoursGet)
  get(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: HourLogIdDto,
  ): Promise<HourLogView> {
    return this.hours.get(actor, id);
  }

  @MessagePattern(ServiceSubjects.hoursApprove)
  approve(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ApproveHoursCommand,
  ): Promise<HourLogView> {
    return this.hours.approve(actor, command);
  }

  @MessagePattern(ServiceSubjects.hoursApproveMany)
  approveMany(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ApproveManyHoursCommand,
  ): Promise<ApproveManyResultView> {
    return this.hours.approveMany(actor, command);
  }

  @MessagePattern(ServiceSubjects.hoursReject)
  reject(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: RejectHoursCommand,
  ): Promise<HourLogView> {
    return this.hours.reject(actor, command);
  }

  @Handles(VolunteersMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<VolunteersQueue> {
    return this.hours.queue(actor, query);
  }

  @MessagePattern(ServiceSubjects.hoursRejectMany)
  rejectMany(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: RejectManyHoursCommand,
  ): Promise<RejectManyResultView> {
    return this.hours.rejectMany(actor, command);
  }
}
