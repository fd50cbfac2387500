import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/counter',
    name: 'counter',
    meta: { role: 'merchant' },
    component: () => import('./CounterPage.vue'),
  },
];

export default routes;
