import { DomainError, ErrorCode, fieldError } from '@app/common';
import { Actor, CommunityView, CreateCommunityDto } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { ActorAuthority } from '../members/actor-authority';
import { nulCharacterErrors } from '../stored-text';
import { CommunityEntity } from './communities.entity';
import { CommunitiesRepository, CommunityCodeTaken } from './communities.repository';
import { duplicateGridUnitCodeErrors } from './community-rules';

function toCommunityView(community: CommunityEntity): CommunityView {
  return {
    id: community.id,
    code: community.code,
    name: community.name,
    gridUnits: (community.gridUnits ?? []).map(({ id, code, name }) => ({ id, code, name })),
  };
}

@Injectable()
export class CommunitiesService {
  constructor(
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
  ) {}

  async list(): Promise<CommunityView[]> {
    return (await this.communities.listWithGridUnits()).map(toCommunityView);
  }

  /** Admins only; codes unique (regardless of case) city-wide, grid unit codes within the community. */
  async create(actor: Actor | null, dto: CreateCommunityDto): Promise<CommunityView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('admin'))
      throw DomainError.forbidden('volunteers.communities.createForbidden');
    const errors = [
      ...nulCharacterErrors({ name: dto.name }),
      ...dto.gridUnits.flatMap((unit, i) =>
        nulCharacterErrors({ [`gridUnits[${i}].name`]: unit.name }),
      ),
      ...duplicateGridUnitCodeErrors(dto.gridUnits),
    ];
    if (errors.length > 0) throw DomainError.validation(errors);
    const community = await this.communities
      .create({
        code: dto.code,
        name: dto.name,
        gridUnits: dto.gridUnits.map(({ code, name }) => ({ code, name })),
      })
      .catch((error) => {
        if (!(error instanceof CommunityCodeTaken)) throw error;
        throw DomainError.of(
          ErrorCode.CONFLICT,
          'volunteers.communities.codeTaken',
          { code: error.code },
          { errors: [fieldError('code', 'volunteers.communities.codeTakenField')] },
        );
      });
    return toCommunityView(community);
  }
}
