import { Handles } from '@app/common';
import {
  Actor,
  CertificateCodeDto,
  CertificateView,
  ServiceRecordView,
  VolunteerIdDto,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ServiceRecordsService } from './service-records.service';

@Controller()
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsService) {}

  @Handles(VolunteersMessages.serviceRecordGet)
  get({ id }: VolunteerIdDto, actor: Actor | null): Promise<ServiceRecordView> {
    return this.records.get(actor, id);
  }

  /** Public: the certificate code is the only key. */
  @Handles(VolunteersMessages.certificateGet)
  certificate({ code }: CertificateCodeDto): Promise<CertificateView> {
    return this.records.certificate(code);
  }
}
