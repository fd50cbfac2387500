import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    meta: { guest: true },
    component: () => import('./LoginPage.vue'),
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('./PasswordPage.vue'),
  },
  {
    path: '/settings',
    name: 'settings',
    meta: { public: true },
    component: () => import('./SettingsPage.vue'),
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./NotificationsPage.vue'),
  },
  {
    path: '/me',
    name: 'me',
    meta: { tab: 'me' },
    component: () => import('./MePage.vue'),
  },
];

export default routes;
