import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID } from 'class-validator';
import { TierView } from '../accounting/ledger.dto';
import { SERVICE_SOURCES, ServiceSource } from '../common/verified-service';
import { fieldMessage } from '../i18n/field-message';

/** A certificate code: 32 URL-safe characters (192 random bits). */
export const CERTIFICATE_CODE_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export class ServiceRecordEntryView {
  @ApiProperty({ enum: SERVICE_SOURCES }) source!: ServiceSource;
  @ApiProperty({ format: 'uuid', description: 'The request, hour log or activity sign-up' })
  sourceId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ description: 'Name of the community where it was served' }) communityName!: string;
  @ApiProperty({ format: 'date' }) servedOn!: string;
  @ApiProperty({ type: 'integer' }) minutes!: number;
  @ApiProperty({ format: 'uuid' }) verifiedBy!: string;
  @ApiProperty({ description: 'Display name of who verified it' }) verifiedByName!: string;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The ledger transfer that paid for it' })
  transferId!: string;
  @ApiProperty({ description: 'Undone by a reversal in the ledger; left out of every total' })
  reversed!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reversedAt!: string | null;
}

export class IssuingCommunityView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class ServiceRecordView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ example: 'V00000042', description: "The volunteer's number in this time bank" })
  volunteerNumber!: string;
  @ApiProperty({ example: '李华' }) displayName!: string;
  @ApiProperty({ type: IssuingCommunityView }) issuingCommunity!: IssuingCommunityView;
  @ApiProperty({ type: 'integer', description: 'Verified minutes, reversed service left out' })
  totalMinutes!: number;
  @ApiProperty({ description: 'totalMinutes in hours, to one decimal' }) totalHours!: number;
  @ApiProperty({ type: 'integer', description: 'Entries counted in the total' })
  serviceCount!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) firstServedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastServedOn!: string | null;
  @ApiProperty({ type: TierView }) tier!: TierView;
  @ApiProperty({ description: 'Anyone can verify the record with it at GET /certificates/{code}' })
  certificateCode!: string;
  @ApiProperty({ example: 'TB-2026-00000042' }) certificateNumber!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: [ServiceRecordEntryView], description: 'Newest service first' })
  entries!: ServiceRecordEntryView[];
}

export class CertificateServiceView {
  @ApiProperty({ format: 'date' }) servedOn!: string;
  @ApiProperty() description!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty({ type: 'integer' }) minutes!: number;
}

/** What anyone holding the code may see: no ids of people, no contact details. */
export class CertificateView {
  @ApiProperty({ example: 'TB-2026-00000042' }) certificateNumber!: string;
  @ApiProperty({ example: 'V00000042' }) volunteerNumber!: string;
  @ApiProperty({ example: '李华' }) displayName!: string;
  @ApiProperty({ type: IssuingCommunityView }) issuingCommunity!: IssuingCommunityView;
  @ApiProperty({ type: 'integer' }) totalMinutes!: number;
  @ApiProperty() totalHours!: number;
  @ApiProperty({ type: 'integer' }) serviceCount!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) firstServedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastServedOn!: string | null;
  @ApiProperty({ type: TierView }) tier!: TierView;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The figures are as of this moment' })
  asOf!: string;
  @ApiProperty({ description: 'False once the certificate has been revoked' }) valid!: boolean;
  @ApiProperty({ type: [CertificateServiceView], description: 'The service done, newest first' })
  service!: CertificateServiceView[];
}

export class TierListItemView {
  @ApiProperty({ type: 'integer', example: 1 }) level!: number;
  @ApiProperty({ example: 'One-star volunteer' }) name!: string;
  @ApiProperty({ type: 'integer', example: 6000 }) minMinutes!: number;
}

// ---- NATS payloads ----

export class VolunteerIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: fieldMessage('field.isUuid') })
  id!: string;
}

export class CertificateCodeDto {
  @ApiProperty({ example: 'x3Jd0Qh6Vn0a8m1Rk2l9TqZpYv4Wc7Es' })
  @IsString()
  code!: string;
}
