import { DomainError, fieldError, ErrorCode } from '@app/common';
import { Actor, canCoordinate, CreateMerchantDto, MerchantView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { VolunteersDirectory } from '../peers/volunteers.directory';
import { MerchantEntity } from './merchants.entity';
import { MerchantsRepository } from './merchants.repository';

export function toMerchantView(merchant: MerchantEntity): MerchantView {
  return {
    id: merchant.id,
    status: merchant.status,
    name: merchant.name,
    communityId: merchant.communityId,
    address: merchant.address,
    contact: merchant.contact,
    createdBy: merchant.createdBy,
    createdAt: merchant.createdAt.toISOString(),
  };
}

@Injectable()
export class MerchantsService {
  constructor(
    private readonly merchants: MerchantsRepository,
    private readonly volunteers: VolunteersDirectory,
  ) {}

  /** A coordinator of the community (or an admin) signs a partner merchant up: active at once. */
  async create(actor: Actor | null, dto: CreateMerchantDto): Promise<MerchantView> {
    if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    if (!canCoordinate(actor, dto.communityId)) {
      throw DomainError.forbidden('rewards.merchant.addForbidden');
    }
    if (!(await this.volunteers.communityExists(dto.communityId))) {
      throw DomainError.validation([fieldError('communityId', 'field.noSuchCommunity')]);
    }
    const merchant = await this.merchants.insert({
      id: randomUUID(),
      name: dto.name,
      communityId: dto.communityId,
      address: dto.address,
      contact: dto.contact ?? null,
      status: 'active',
      createdBy: actor.memberId,
      createdAt: new Date(),
    });
    return toMerchantView(merchant);
  }

  /** For other services (the volunteers service checks merchant staff against it). */
  async get(id: string): Promise<MerchantView> {
    const merchant = await this.merchants.findById(id);
    if (!merchant) throw DomainError.notFound('Merchant');
    return toMerchantView(merchant);
  }
}
