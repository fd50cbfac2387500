import type { Messages } from '../zh-CN';

export default {
  title: 'City admin',
  menu: {
    communities: 'Communities and grid units',
    funds: 'Fund allocations',
    coordinators: 'Coordinators',
    tiers: 'Tiers',
    ledger: 'Ledger check',
    reports: 'All reports',
  },
} satisfies Messages['admin'];
