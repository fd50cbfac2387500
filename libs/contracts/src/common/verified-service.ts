import { AccountOwnerRef } from '../accounting/ledger.dto';

/**
 * Where verified service comes from: a confirmed help request, an approved hour
 * log, or an attendance at a community activity (paid when the activity closes).
 */
export const SERVICE_SOURCES = ['request', 'hours', 'activity'] as const;
export type ServiceSource = (typeof SERVICE_SOURCES)[number];

/**
 * What a service record entry says about one piece of verified service. It
 * travels with the hours-verified event, through the ledger's transfer (as its
 * `details`), to the volunteers service, which records it when the credit is posted.
 */
export interface ServiceDetails {
  source: ServiceSource;
  sourceId: string;
  volunteerId: string;
  description: string;
  communityId: string;
  /** YYYY-MM-DD */
  servedOn: string;
  minutes: number;
  /** The member who verified it: the resident who confirmed, or the coordinator. */
  verifiedBy: string;
  verifiedAt: string;
}

/**
 * `requests.hours.verified` and `volunteers.hours.verified` (VolunteersEvents): service has been
 * verified and must be paid. The ledger posts the request's hold to the
 * volunteer (`holdId`), or pays from the community fund (no hold), once.
 */
export interface HoursVerifiedEvent {
  details: ServiceDetails;
  /** The hold taken when the request was posted; absent for logged hours. */
  holdId: string | null;
  /** Who pays when there is no hold (the community fund for logged hours). */
  payer: AccountOwnerRef | null;
}
