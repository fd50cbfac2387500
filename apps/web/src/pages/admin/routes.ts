import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  ['/admin', 'admin', () => import('./CommunitiesPage.vue')],
  ['/admin/funds', 'admin-funds', () => import('./FundsPage.vue')],
  ['/admin/coordinators', 'admin-coordinators', () => import('./CoordinatorsPage.vue')],
  ['/admin/tiers', 'admin-tiers', () => import('./TiersPage.vue')],
  ['/admin/ledger', 'admin-ledger', () => import('./LedgerPage.vue')],
  ['/admin/reports', 'admin-reports', () => import('./ReportsPage.vue')],
].map(([path, name, component]) => ({
  path: path as string,
  name: name as string,
  meta: { role: 'admin' as const },
  component: component as RouteRecordRaw['component'],
})) as RouteRecordRaw[];

export default routes;
