import type { Router } from 'vue-router';
import { useSession } from '@/stores/session';

/**
 * Who goes where: the signed-out to sign-in (and back to where they wanted to go),
 * a member with a temporary password to the change-password page first, a page for
 * one role only to that role, and staff who neither ask nor give help to their desk
 * (the counter, the console, the admin).
 */
export function installGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSession();
    if (!session.ready) await session.restore();
    if (to.meta.public) return true;
    if (to.meta.guest) return session.signedIn ? { name: 'home' } : true;
    if (!session.signedIn) return { name: 'login', query: { next: to.fullPath } };
    if (session.mustChangePassword && to.name !== 'password') return { name: 'password' };
    if (to.meta.role && !session.has(to.meta.role)) return { name: 'home' };
    if (to.meta.anyRole && !to.meta.anyRole.some((r) => session.has(r))) return { name: 'home' };
    // Staff who are not residents or volunteers start where their work is.
    if (to.name === 'home' && !session.has('resident') && !session.has('volunteer')) {
      if (session.has('merchant')) return { name: 'counter' };
      if (session.has('coordinator')) return { name: 'console' };
      if (session.has('admin')) return { name: 'admin' };
    }
    return true;
  });
}
