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
  {
    path: '/record',
    name: 'record',
    meta: { role: 'volunteer', tab: 'me' },
    component: () => import('./ServiceRecordPage.vue'),
  },
  {
    path: '/record/certificate',
    name: 'certificate',
    meta: { role: 'volunteer' },
    component: () => import('./CertificatePage.vue'),
  },
  {
    // Opened from the QR code on a printed certificate, by anyone, signed in or not.
    path: '/c/:code',
    name: 'certificate-check',
    meta: { public: true },
    component: () => import('./CertificateCheckPage.vue'),
  },
  {
    path: '/activities',
    name: 'activities',
    meta: { role: 'volunteer', tab: 'home' },
    component: () => import('./ActivitiesPage.vue'),
  },
  {
    path: '/activities/:id',
    name: 'activity',
    meta: { role: 'volunteer', tab: 'home' },
    component: () => import('./ActivityPage.vue'),
  },
  {
    // Also opened by a phone's own camera app from the door's QR code (?code=…).
    path: '/activities/:id/check-in',
    name: 'activity-check-in',
    meta: { role: 'volunteer' },
    component: () => import('./CheckInPage.vue'),
  },
  {
    path: '/profile',
    name: 'profile',
    meta: { role: 'volunteer', tab: 'me' },
    component: () => import('./VolunteerProfilePage.vue'),
  },
];

export default routes;
