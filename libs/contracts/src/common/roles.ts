export const ROLES = ['resident', 'volunteer', 'merchant', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone may give themselves at registration. */
export const SELF_SERVICE_ROLES = ['resident', 'volunteer'] as const satisfies readonly Role[];
