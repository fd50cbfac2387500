import { Actor, RequestStatus } from '@app/contracts';
import { HelpRequestEntity } from './requests.entity';

/**
 * Who sees which help request (API.md, amended rules), as one pure rule the
 * single read applies and the list query mirrors in SQL
 * (RequestsRepository.list): a volunteer sees every open request of the city
 * (the board) and the requests they are on; any other member only their own;
 * a coordinator every request of its communities; an admin all.
 */
export interface RequestViewer {
  memberId: string;
  admin: boolean;
  volunteer: boolean;
  /** Communities the viewer coordinates (empty unless a coordinator). */
  coordinatorOf: string[];
}

export function viewerOf(actor: Actor): RequestViewer {
  return {
    memberId: actor.memberId,
    admin: actor.roles.includes('admin'),
    volunteer: actor.roles.includes('volunteer'),
    coordinatorOf: actor.roles.includes('coordinator') ? actor.coordinatorOf : [],
  };
}

type Seen = Pick<HelpRequestEntity, 'requesterId' | 'volunteerId' | 'communityId' | 'status'>;

const isParty = (viewer: RequestViewer, request: Seen) =>
  request.requesterId === viewer.memberId || request.volunteerId === viewer.memberId;

/** Its requester, its volunteer, a coordinator of its community, an admin. */
export function seesPrivateDetails(viewer: RequestViewer, request: Seen): boolean {
  return (
    viewer.admin || isParty(viewer, request) || viewer.coordinatorOf.includes(request.communityId)
  );
}

export function maySee(viewer: RequestViewer, request: Seen): boolean {
  return seesPrivateDetails(viewer, request) || (viewer.volunteer && request.status === 'open');
}

/** Once a volunteer has taken it, and until it is over without them, its parties may call each other. */
export const CONTACT_STATUSES: readonly RequestStatus[] = [
  'accepted',
  'completed',
  'disputed',
  'confirmed',
];
