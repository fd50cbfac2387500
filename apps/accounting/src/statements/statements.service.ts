import { DomainError, fieldError } from '@app/common';
import {
  AccountQuery,
  Actor,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  PageQueryDto,
  StatementPage,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { AccountsService, requireActor } from '../accounts/accounts.service';
import { StatementsRepository } from './statements.repository';

@Injectable()
export class StatementsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly statements: StatementsRepository,
  ) {}

  async mine(actor: Actor | null, query: PageQueryDto): Promise<StatementPage> {
    const account = await this.accounts.member(requireActor(actor).memberId);
    return this.page(account.id, query);
  }

  async get(query: AccountQuery): Promise<StatementPage> {
    const account = await this.accounts.resolve(query.owner);
    return this.page(account.id, query);
  }

  private async page(accountId: string, { limit, cursor }: PageQueryDto): Promise<StatementPage> {
    const decoded = decodeCursor<{ id: number }>(cursor, ['id']);
    if (decoded === null || (decoded && !(Number.isSafeInteger(decoded.id) && decoded.id > 0))) {
      throw DomainError.validation([fieldError('cursor', 'field.cursorNotOurs')]);
    }
    const size = limit ?? DEFAULT_PAGE_SIZE;
    // One more than asked tells whether another page follows.
    const lines = await this.statements.page(accountId, decoded?.id ?? null, size + 1);
    const items = lines.slice(0, size);
    return {
      items: items.map((line) => ({
        transferId: line.transferId,
        at: line.at.toISOString(),
        kind: line.kind,
        minutes: line.amountMinutes,
        balanceAfterMinutes: line.balanceAfterMinutes,
        counterparty: {
          type: line.counterpartyType,
          id: line.counterpartyId,
          name: line.counterpartyName,
        },
        memo: line.memo,
        reference: line.reference,
      })),
      nextCursor:
        lines.length > size ? encodeCursor({ id: items[items.length - 1].entryId }) : null,
    };
  }
}
