import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    meta: { tab: 'home' },
    component: () => import('./HomePage.vue'),
  },
];

export default routes;
