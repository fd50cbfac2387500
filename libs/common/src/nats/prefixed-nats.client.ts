import { ClientNats, NatsOptions } from '@nestjs/microservices';
import { subjectFor } from './envelope';

type NatsClientOptions = Required<NatsOptions>['options'];

/** Nest's NATS client sending every pattern under the suite's subject prefix. */
export class PrefixedNatsClient extends ClientNats {
  constructor(
    options: NatsClientOptions,
    private readonly prefix: string,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: unknown): string {
    return subjectFor(this.prefix, super.normalizePattern(pattern as string));
  }
}
