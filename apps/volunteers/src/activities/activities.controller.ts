import { Handles } from '@app/common';
import {
  ActivitiesQueryDto,
  ActivityCodeCommand,
  ActivityIdDto,
  ActivityPage,
  ActivityView,
  Actor,
  AttendanceListView,
  AttendanceView,
  CancelActivityCommand,
  CheckInCodeView,
  CheckInView,
  CheckOutView,
  CloseActivityCommand,
  CloseActivityView,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  PublishActivityCommand,
  RecordAttendanceCommand,
  SignupView,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ActivitiesService } from './activities.service';

type Done = Record<string, never>;

@Controller()
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Handles(VolunteersMessages.activityPublish)
  publish(command: PublishActivityCommand, actor: Actor | null): Promise<ActivityView> {
    return this.activities.publish(actor, command);
  }

  @Handles(VolunteersMessages.activityList)
  list(query: ActivitiesQueryDto, actor: Actor | null): Promise<ActivityPage> {
    return this.activities.list(actor, query);
  }

  @Handles(VolunteersMessages.activityGet)
  get({ id }: ActivityIdDto, actor: Actor | null): Promise<ActivityView> {
    return this.activities.get(actor, id);
  }

  @Handles(VolunteersMessages.activitySignUp)
  signUp({ id }: ActivityIdDto, actor: Actor | null): Promise<SignupView> {
    return this.activities.signUp(actor, id);
  }

  @Handles(VolunteersMessages.activityWithdraw)
  async withdraw({ id }: ActivityIdDto, actor: Actor | null): Promise<Done> {
    await this.activities.withdraw(actor, id);
    return {};
  }

  @Handles(VolunteersMessages.activityCheckInCode)
  checkInCode({ id }: ActivityIdDto, actor: Actor | null): Promise<CheckInCodeView> {
    return this.activities.checkInCode(actor, id);
  }

  @Handles(VolunteersMessages.activityCheckIn)
  checkIn(command: ActivityCodeCommand, actor: Actor | null): Promise<CheckInView> {
    return this.activities.checkIn(actor, command);
  }

  @Handles(VolunteersMessages.activityCheckOut)
  checkOut(command: ActivityCodeCommand, actor: Actor | null): Promise<CheckOutView> {
    return this.activities.checkOut(actor, command);
  }

  @Handles(VolunteersMessages.activityAttendanceList)
  attendance({ id }: ActivityIdDto, actor: Actor | null): Promise<AttendanceListView> {
    return this.activities.attendance(actor, id);
  }

  @Handles(VolunteersMessages.activityAttendanceRecord)
  recordAttendance(command: RecordAttendanceCommand, actor: Actor | null): Promise<AttendanceView> {
    return this.activities.recordAttendance(actor, command);
  }

  @Handles(VolunteersMessages.activityClose)
  close(command: CloseActivityCommand, actor: Actor | null): Promise<CloseActivityView> {
    return this.activities.close(actor, command);
  }

  @Handles(VolunteersMessages.activityCancel)
  cancel(command: CancelActivityCommand, actor: Actor | null): Promise<ActivityView> {
    return this.activities.cancel(actor, command);
  }

  @Handles(VolunteersMessages.activityHoldOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.activities.holdsHold(query);
  }
}
