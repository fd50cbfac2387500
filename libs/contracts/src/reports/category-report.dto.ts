import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_CATEGORIES, RequestCategory, RequestStatus } from '../requests/requests.types';

/** `requests.category-report.get` answer: the requests posted in the period, by category and status now (pairs with none left out). */
export interface RequestsCategoryReport {
  counts: Array<{ category: RequestCategory; status: RequestStatus; count: number }>;
}

/** How many of a category's requests are in each status now: every status, zeros included. */
export class RequestStatusCountsView implements Record<RequestStatus, number> {
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) accepted!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
  @ApiProperty({ type: 'integer' }) confirmed!: number;
  @ApiProperty({ type: 'integer' }) disputed!: number;
  @ApiProperty({ type: 'integer' }) cancelled!: number;
  @ApiProperty({ type: 'integer' }) expired!: number;
}

export class RequestCategoryCountsView {
  @ApiProperty({ enum: REQUEST_CATEGORIES, example: 'escort' }) category!: RequestCategory;

  @ApiProperty({
    example: '陪同就医办事',
    description: "The category's name in the language of Accept-Language",
  })
  name!: string;

  @ApiProperty({ type: 'integer', description: 'Requests of this category posted in the period' })
  requestsPosted!: number;

  @ApiProperty({
    type: RequestStatusCountsView,
    description: 'The same requests by their status now; the counts add up to requestsPosted',
  })
  byStatus!: RequestStatusCountsView;
}

export class CommunityRequestsReportView {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;

  @ApiProperty({
    type: 'integer',
    description: 'Requests posted in the period (as requestsPosted of the community report)',
  })
  requestsPosted!: number;

  @ApiProperty({
    type: [RequestCategoryCountsView],
    description: 'Every category, in the order of the contract, zeros included',
  })
  categories!: RequestCategoryCountsView[];
}
