import type { RouteRecordRaw } from 'vue-router';

/** The shop's counter, for its staff: redeem, the records, the shop's offers, settlements. */
const routes: RouteRecordRaw[] = [
  {
    path: '/counter',
    name: 'counter',
    meta: { role: 'merchant' },
    component: () => import('./CounterPage.vue'),
  },
  {
    path: '/counter/redemptions',
    name: 'counter-redemptions',
    meta: { role: 'merchant' },
    component: () => import('./RedemptionsPage.vue'),
  },
  {
    path: '/counter/offers',
    name: 'counter-offers',
    meta: { role: 'merchant' },
    component: () => import('./OffersPage.vue'),
  },
  {
    path: '/counter/offers/new',
    name: 'counter-offer-new',
    meta: { role: 'merchant' },
    component: () => import('./OfferNewPage.vue'),
  },
  {
    path: '/counter/settlements',
    name: 'counter-settlements',
    meta: { role: 'merchant' },
    component: () => import('./SettlementsPage.vue'),
  },
];

export default routes;
