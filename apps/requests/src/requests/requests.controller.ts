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
  RequestsSubjects,
  ResolveHelpRequestCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestsService } from './requests.service';

@Controller()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Handles(RequestsMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.requests.holdsHold(query);
  }

  @MessagePattern(RequestsSubjects.requestCreate)
  create(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: CreateHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.requests.create(actor, command);
  }

  @MessagePattern(RequestsSubjects.requestList)
  list(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: ListHelpRequestsQuery,
  ): Promise<HelpRequestPage> {
    return this.requests.list(actor, query);
  }

  @MessagePattern(RequestsSubjects.requestGet)
  get(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: HelpRequestIdCommand,
  ): Promise<HelpRequestView> {
    return this.requests.get(actor, id);
  }

  @MessagePattern(RequestsSubjects.requestAccept)
  accept(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: HelpRequestIdCommand,
  ): Promise<HelpRequestView> {
    return this.requests.accept(actor, id);
  }

  @MessagePattern(RequestsSubjects.requestRelease)
  release(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: HelpRequestIdCommand,
  ): Promise<HelpRequestView> {
    return this.requests.release(actor, id);
  }

  @MessagePattern(RequestsSubjects.requestComplete)
  complete(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: CompleteHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.requests.complete(actor, command);
  }

  @MessagePattern(RequestsSubjects.requestConfirm)
  confirm(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ConfirmHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.requests.confirm(actor, command);
  }

  @MessagePattern(RequestsSubjects.requestDispute)
  dispute(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: DisputeHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.requests.dispute(actor, command);
  }

  @MessagePattern(RequestsSubjects.requestResolve)
  resolve(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ResolveHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.requests.resolve(actor, command);
  }

  @Handles(RequestsMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<RequestsQueue> {
    return this.requests.queue(actor, query);
  }

  @MessagePattern(RequestsSubjects.requestCancel)
  cancel(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: HelpRequestIdCommand,
  ): Promise<HelpRequestView> {
    return this.requests.cancel(actor, id);
  }
}
