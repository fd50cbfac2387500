import { Handles } from '@app/common';
import {
  Actor,
  CommunityQueueQuery,
  RequestsMessages,
  RequestsQueue,
  CompleteHelpRequestCommand,
  ConfirmHelpRequestCommand,
  CreateHelpRequestCommand,
  DisputeHelpRequestCommand,
  HelpRequestIdCommand,
  HelpRequestPage,
  HelpRequestView,
  ListHelpRequestsQuery,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  ResolveHelpRequestCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { RequestsService } from './requests.service';

@Controller()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Handles(RequestsMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.requests.holdsHold(query);
  }

  @Handles(RequestsMessages.requestCreate)
  create(command: CreateHelpRequestCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.create(actor, command);
  }

  @Handles(RequestsMessages.requestList)
  list(query: ListHelpRequestsQuery, actor: Actor | null): Promise<HelpRequestPage> {
    return this.requests.list(actor, query);
  }

  @Handles(RequestsMessages.requestGet)
  get({ id }: HelpRequestIdCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.get(actor, id);
  }

  @Handles(RequestsMessages.requestAccept)
  accept({ id }: HelpRequestIdCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.accept(actor, id);
  }

  @Handles(RequestsMessages.requestRelease)
  release({ id }: HelpRequestIdCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.release(actor, id);
  }

  @Handles(RequestsMessages.requestComplete)
  complete(command: CompleteHelpRequestCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.complete(actor, command);
  }

  @Handles(RequestsMessages.requestConfirm)
  confirm(command: ConfirmHelpRequestCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.confirm(actor, command);
  }

  @Handles(RequestsMessages.requestDispute)
  dispute(command: DisputeHelpRequestCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.dispute(actor, command);
  }

  @Handles(RequestsMessages.requestResolve)
  resolve(command: ResolveHelpRequestCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.resolve(actor, command);
  }

  @Handles(RequestsMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<RequestsQueue> {
    return this.requests.queue(actor, query);
  }

  @Handles(RequestsMessages.requestCancel)
  cancel({ id }: HelpRequestIdCommand, actor: Actor | null): Promise<HelpRequestView> {
    return this.requests.cancel(actor, id);
  }
}
