import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/statement',
    name: 'statement',
    component: () => import('./StatementPage.vue'),
  },
  {
    path: '/gift',
    name: 'gift',
    component: () => import('./GiftPage.vue'),
  },
  {
    path: '/offers',
    name: 'offers',
    meta: { tab: 'rewards' },
    component: () => import('./OffersPage.vue'),
  },
  {
    path: '/vouchers',
    name: 'vouchers',
    component: () => import('./VouchersPage.vue'),
  },
];

export default routes;
