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
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { HoursService } from './hours.service';

@Controller()
export class HoursController {
  constructor(private readonly hours: HoursService) {}

  @Handles(VolunteersMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.hours.holdsHold(query);
  }

  @Handles(VolunteersMessages.hoursLog)
  log(dto: LogHoursDto, actor: Actor | null): Promise<HourLogView> {
    return this.hours.log(actor, dto);
  }

  @Handles(VolunteersMessages.hoursList)
  list(query: HoursQueryDto, actor: Actor | null): Promise<HourLogPage> {
    return this.hours.list(actor, query);
  }

  @Handles(VolunteersMessages.hoursGet)
  get({ id }: HourLogIdDto, actor: Actor | null): Promise<HourLogView> {
    return this.hours.get(actor, id);
  }

  @Handles(VolunteersMessages.hoursApprove)
  approve(command: ApproveHoursCommand, actor: Actor | null): Promise<HourLogView> {
    return this.hours.approve(actor, command);
  }

  @Handles(VolunteersMessages.hoursApproveMany)
  approveMany(
    command: ApproveManyHoursCommand,
    actor: Actor | null,
  ): Promise<ApproveManyResultView> {
    return this.hours.approveMany(actor, command);
  }

  @Handles(VolunteersMessages.hoursReject)
  reject(command: RejectHoursCommand, actor: Actor | null): Promise<HourLogView> {
    return this.hours.reject(actor, command);
  }

  @Handles(VolunteersMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<VolunteersQueue> {
    return this.hours.queue(actor, query);
  }

  @Handles(VolunteersMessages.hoursRejectMany)
  rejectMany(command: RejectManyHoursCommand, actor: Actor | null): Promise<RejectManyResultView> {
    return this.hours.rejectMany(actor, command);
  }
}
