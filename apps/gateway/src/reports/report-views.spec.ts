import { gridUnitsView, requestsView, weeklyView } from './report-views';

const period = { communityId: 'c', from: '2026-03-12', to: '2026-03-25' };

describe('report views', () => {
  it('lay each service’s weeks over every week of the period, zeros where none has any', () => {
    const view = weeklyView(
      period,
      {
        community: { id: 'c', code: 'c', name: 'c' },
        weeks: [{ weekStart: '2026-03-23', minutesServed: 90, activeVolunteers: 2 }],
      },
      {
        weeks: [
          {
            weekStart: '2026-03-09',
            requestsPosted: 3,
            requestsConfirmed: 1,
            medianMinutesToAccept: 12,
          },
        ],
      },
      { weeks: [{ weekStart: '2026-03-23', vouchersRedeemed: 1 }] },
    );
    expect(view.weeks).toEqual([
      {
        weekStart: '2026-03-09',
        days: 4,
        minutesServed: 0,
        requestsPosted: 3,
        requestsConfirmed: 1,
        medianMinutesToAccept: 12,
        activeVolunteers: 0,
        vouchersRedeemed: 0,
      },
      {
        weekStart: '2026-03-16',
        days: 7,
        minutesServed: 0,
        requestsPosted: 0,
        requestsConfirmed: 0,
        medianMinutesToAccept: null,
        activeVolunteers: 0,
        vouchersRedeemed: 0,
      },
      {
        weekStart: '2026-03-23',
        days: 3,
        minutesServed: 90,
        requestsPosted: 0,
        requestsConfirmed: 0,
        medianMinutesToAccept: null,
        activeVolunteers: 2,
        vouchersRedeemed: 1,
      },
    ]);
  });

  it('count every category and status, named in the language asked for', () => {
    const view = requestsView(
      period,
      {
        counts: [
          { category: 'meals', status: 'open', count: 2 },
          { category: 'meals', status: 'confirmed', count: 1 },
          { category: 'escort', status: 'cancelled', count: 1 },
        ],
      },
      'en',
    );
    expect(view.requestsPosted).toBe(4);
    expect(view.categories.map((c) => c.category)).toEqual([
      'companionship',
      'escort',
      'errands',
      'home_repair',
      'cleaning',
      'tutoring',
      'tech_help',
      'meals',
      'other',
    ]);
    expect(view.categories.find((c) => c.category === 'meals')).toEqual({
      category: 'meals',
      name: 'Meals',
      requestsPosted: 3,
      byStatus: {
        open: 2,
        accepted: 0,
        completed: 0,
        confirmed: 1,
        disputed: 0,
        cancelled: 0,
        expired: 0,
      },
    });
  });

  it('put requests of no grid unit of the community with those of none, so columns add up', () => {
    const members = { members: 3, volunteers: 1, priorityHouseholds: 1 };
    const view = gridUnitsView(
      period,
      {
        community: { id: 'c', code: 'c', name: 'c' },
        gridUnits: [
          { gridUnitId: 'g1', code: 'G1', name: '一', ...members },
          { gridUnitId: 'g2', code: 'G2', name: '二', ...members },
        ],
        withoutGridUnit: { members: 1, volunteers: 0, priorityHouseholds: 0 },
      },
      {
        gridUnits: [
          {
            gridUnitId: 'g1',
            requestsPosted: 2,
            requestsConfirmed: 1,
            minutesServedOnRequests: 60,
          },
          { gridUnitId: null, requestsPosted: 1, requestsConfirmed: 0, minutesServedOnRequests: 0 },
          {
            gridUnitId: 'elsewhere',
            requestsPosted: 1,
            requestsConfirmed: 1,
            minutesServedOnRequests: 30,
          },
        ],
      },
    );
    expect(view.gridUnits.map((unit) => [unit.code, unit.requestsPosted])).toEqual([
      ['G1', 2],
      ['G2', 0],
    ]);
    expect(view.withoutGridUnit).toEqual({
      members: 1,
      volunteers: 0,
      priorityHouseholds: 0,
      requestsPosted: 2,
      requestsConfirmed: 1,
      minutesServedOnRequests: 30,
    });
  });
});
