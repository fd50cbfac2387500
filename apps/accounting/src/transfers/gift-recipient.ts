import { DomainError, fieldError } from '@app/common';
import { GIFT_RECIPIENT_FIELDS, GiftDto } from '@app/contracts';

export type GiftRecipient =
  | { field: 'toMemberId'; memberId: string }
  | { field: 'toPhone'; phone: string }
  | { field: 'toCardNumber'; cardNumber: string };

const ONE_OF = 'toMemberId, toPhone or toCardNumber';

/** A gift names its recipient exactly once: by id, by phone or by card number. */
export function giftRecipient(gift: GiftDto): GiftRecipient {
  const given = GIFT_RECIPIENT_FIELDS.filter((field) => gift[field] != null);
  if (given.length === 0) {
    throw DomainError.validation(
      GIFT_RECIPIENT_FIELDS.map((field) =>
        fieldError(field, 'credits.recipientRequired', { fields: ONE_OF }),
      ),
    );
  }
  if (given.length > 1) {
    throw DomainError.validation(
      given.map((field) => fieldError(field, 'credits.oneRecipient', { fields: ONE_OF })),
    );
  }
  const [field] = given;
  const value = gift[field] as string;
  switch (field) {
    case 'toMemberId':
      return { field, memberId: value };
    case 'toPhone':
      return { field, phone: value };
    case 'toCardNumber':
      return { field, cardNumber: value };
  }
}
