import {
  Actor,
  CertificateCodeDto,
  CertificateView,
  ServiceRecordView,
  ServiceSubjects,
  VolunteerIdDto,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ServiceRecordsService } from './service-records.service';

@Controller()
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsService) {}

  @MessagePattern(ServiceSubjects.serviceRecordGet)
  get(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: VolunteerIdDto,
  ): Promise<ServiceRecordView> {
    return this.records.get(actor, id);
  }

  /** Public: the certificate code is the only key. */
  @MessagePattern(ServiceSubjects.certificateGet)
  certificate(@Payload('data') { code }: CertificateCodeDto): Promise<CertificateView> {
    return this.records.certificate(code);
  }
}
