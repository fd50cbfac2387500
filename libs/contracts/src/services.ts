/** The services behind the gateway; each answers its HEALTH_MESSAGES. */
export const BACKEND_SERVICES = ['volunteers', 'accounting', 'requests', 'rewards'] as const;
export type BackendService = (typeof BACKEND_SERVICES)[number];
