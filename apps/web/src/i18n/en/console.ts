import type { Messages } from '../zh-CN';

export default {
  title: 'Community console',
  waiting: '{n} waiting',
  community: 'Community',
  menu: {
    queue: 'To do',
    people: 'People',
    fund: 'Community fund',
    report: 'Report',
  },
} satisfies Messages['console'];
