import type { RouteRecordRaw } from 'vue-router';

/** The coordinator's console (an admin may open it too, for any community). */
const staff = (): RouteRecordRaw['meta'] => ({ anyRole: ['coordinator', 'admin'] });

const routes: RouteRecordRaw[] = [
  {
    path: '/console',
    name: 'console',
    meta: staff(),
    component: () => import('./QueuePage.vue'),
  },
  {
    path: '/console/people',
    name: 'console-people',
    meta: staff(),
    component: () => import('./PeoplePage.vue'),
  },
  {
    path: '/console/people/:id',
    name: 'console-member',
    meta: staff(),
    component: () => import('./MemberPage.vue'),
  },
  {
    path: '/console/people/:id/request',
    name: 'console-member-request',
    meta: staff(),
    component: () => import('./MemberRequestPage.vue'),
  },
  {
    path: '/console/cards',
    name: 'console-cards',
    meta: staff(),
    component: () => import('./CardsPage.vue'),
  },
  {
    path: '/console/activities',
    name: 'console-activities',
    meta: staff(),
    component: () => import('./ActivitiesPage.vue'),
  },
  {
    path: '/console/activities/:id',
    name: 'console-activity',
    meta: staff(),
    component: () => import('./ActivityPage.vue'),
  },
  {
    // The tablet at the activity's door: the rotating QR code, full screen.
    path: '/console/activities/:id/door',
    name: 'console-activity-door',
    meta: staff(),
    component: () => import('./DoorPage.vue'),
  },
  {
    path: '/console/fund',
    name: 'console-fund',
    meta: staff(),
    component: () => import('./FundPage.vue'),
  },
  {
    path: '/console/report',
    name: 'console-report',
    meta: staff(),
    component: () => import('./ReportPage.vue'),
  },
  {
    path: '/console/report/print',
    name: 'console-report-print',
    meta: staff(),
    component: () => import('./ReportPrintPage.vue'),
  },
];

export default routes;
