import { i18n } from '@/i18n';
import type { MenuEntry } from './ConsoleFrame.vue';

/** The coordinator's console: what is waiting, the people, the activities, the fund, the report. */
export function consoleMenu(counts: { queue?: number } = {}): MenuEntry[] {
  const t = i18n.global.t;
  return [
    { to: 'console', label: t('console.menu.queue'), icon: 'todo-list-o', count: counts.queue },
    { to: 'console-people', label: t('console.menu.people'), icon: 'friends-o' },
    { to: 'console-activities', label: t('console.menu.activities'), icon: 'flag-o' },
    { to: 'console-fund', label: t('console.menu.fund'), icon: 'balance-o' },
    { to: 'console-report', label: t('console.menu.report'), icon: 'chart-trending-o' },
  ];
}

/** The city's admin: communities, funds, coordinators, tiers, the ledger, every report. */
export function adminMenu(): MenuEntry[] {
  const t = i18n.global.t;
  return [
    { to: 'admin', label: t('admin.menu.communities'), icon: 'cluster-o' },
    { to: 'admin-funds', label: t('admin.menu.funds'), icon: 'balance-o' },
    { to: 'admin-coordinators', label: t('admin.menu.coordinators'), icon: 'manager-o' },
    { to: 'admin-tiers', label: t('admin.menu.tiers'), icon: 'medal-o' },
    { to: 'admin-ledger', label: t('admin.menu.ledger'), icon: 'balance-list-o' },
    { to: 'admin-reports', label: t('admin.menu.reports'), icon: 'chart-trending-o' },
  ];
}
