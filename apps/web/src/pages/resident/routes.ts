import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    meta: { tab: 'home' },
    component: () => import('./HomePage.vue'),
  },
  {
    path: '/requests',
    name: 'requests',
    meta: { tab: 'requests' },
    component: () => import('./RequestsPage.vue'),
  },
  {
    path: '/requests/new',
    name: 'request-new',
    meta: { role: 'resident' },
    component: () => import('./RequestNewPage.vue'),
  },
  {
    path: '/requests/:id',
    name: 'request',
    component: () => import('./RequestPage.vue'),
  },
  {
    path: '/board',
    name: 'board',
    meta: { tab: 'board', role: 'volunteer' },
    component: () => import('./BoardPage.vue'),
  },
];

export default routes;
