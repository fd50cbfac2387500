import type { Messages } from '../zh-CN';

export default {
  title: 'Shop counter',
} satisfies Messages['counter'];
