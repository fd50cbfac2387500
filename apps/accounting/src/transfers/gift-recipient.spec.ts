import { DomainError } from '@app/common';
import { giftRecipient } from './gift-recipient';

const ID = '5a4c6e49-58a7-4d3f-9a57-0c56b3d2a9f1';

function fieldsRefused(gift: object): string[] {
  try {
    giftRecipient({ minutes: 10, ...gift });
  } catch (error) {
    return ((error as DomainError).details?.errors ?? []).map((e) => e.field);
  }
  return [];
}

describe('giftRecipient', () => {
  it('takes the one field given', () => {
    expect(giftRecipient({ minutes: 1, toMemberId: ID })).toEqual({
      field: 'toMemberId',
      memberId: ID,
    });
    expect(giftRecipient({ minutes: 1, toPhone: '139 1234 5678' })).toEqual({
      field: 'toPhone',
      phone: '139 1234 5678',
    });
    expect(giftRecipient({ minutes: 1, toCardNumber: '3141592653' })).toEqual({
      field: 'toCardNumber',
      cardNumber: '3141592653',
    });
  });

  it('names all three when none is given', () => {
    expect(fieldsRefused({})).toEqual(['toMemberId', 'toPhone', 'toCardNumber']);
  });

  it('names the ones given when more than one is', () => {
    expect(fieldsRefused({ toMemberId: ID, toPhone: '13912345678' })).toEqual([
      'toMemberId',
      'toPhone',
    ]);
    expect(
      fieldsRefused({ toMemberId: ID, toPhone: '13912345678', toCardNumber: '3141592653' }),
    ).toEqual(['toMemberId', 'toPhone', 'toCardNumber']);
  });
});
