import type { Router } from 'vue-router';
import { useSession } from '@/stores/session';

/**
 * Who goes where: the signed-out to sign-in (and back to where they wanted to go),
 * a member with a temporary password to the change-password page first, a page for
 * volunteers only to volunteers.
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
    return true;
  });
}
