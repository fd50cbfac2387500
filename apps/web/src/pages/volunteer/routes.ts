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
    path: '/profile',
    name: 'profile',
    meta: { role: 'volunteer', tab: 'me' },
    component: () => import('./VolunteerProfilePage.vue'),
  },
];

export default routes;
