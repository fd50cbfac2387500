import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/hours',
    name: 'hours',
    meta: { role: 'volunteer', tab: 'me' },
    component: () => import('./MyHoursPage.vue'),
  },
  {
    path: '/hours/new',
    name: 'hours-new',
    meta: { role: 'volunteer' },
    component: () => import('./LogHoursPage.vue'),
  },
];

export default routes;
