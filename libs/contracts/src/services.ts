/** The services behind the gateway; each answers `<name>.health.check`. */
export const BACKEND_SERVICES = ['volunteers', 'accounting', 'requests', 'rewards'] as const;
export type BackendService = (typeof BACKEND_SERVICES)[number];

export function healthSubject(service: BackendService): string {
  return `${service}.health.check`;
}
