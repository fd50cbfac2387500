/**
 * Pages and who may open them. Each area of the app lists its own routes
 * (pages/<area>/routes.ts); every page is loaded when first opened, so the first
 * screen downloads only itself.
 *
 * meta.public: anyone, signed in or not. meta.guest: only when signed out (sign-in).
 * meta.role: the role the page is for. meta.tab: the bottom tab it belongs to.
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import creditsRoutes from '@/pages/credits/routes';
import everyoneRoutes from '@/pages/everyone/routes';
import residentRoutes from '@/pages/resident/routes';
import volunteerRoutes from '@/pages/volunteer/routes';
import adminRoutes from '@/pages/admin/routes';
import consoleRoutes from '@/pages/console/routes';
import counterRoutes from '@/pages/counter/routes';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    guest?: boolean;
    role?: 'resident' | 'volunteer' | 'merchant' | 'coordinator' | 'admin';
    /** Any one of these roles opens the page (the console: coordinators and admins). */
    anyRole?: Array<'resident' | 'volunteer' | 'merchant' | 'coordinator' | 'admin'>;
    tab?: 'home' | 'board' | 'requests' | 'rewards' | 'me';
  }
}

const routes: RouteRecordRaw[] = [
  ...everyoneRoutes,
  ...residentRoutes,
  ...creditsRoutes,
  ...volunteerRoutes,
  ...counterRoutes,
  ...consoleRoutes,
  ...adminRoutes,
  {
    path: '/:unknown(.*)*',
    name: 'not-found',
    meta: { public: true },
    component: () => import('@/pages/everyone/NotFoundPage.vue'),
  },
];

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});
