/** Request–reply subjects of the volunteers service for service done (prefix added by the transport). */
export const ServiceSubjects = {
  hoursLog: 'volunteers.hours.log',
  hoursList: 'volunteers.hours.list',
  hoursGet: 'volunteers.hours.get',
  hoursApprove: 'volunteers.hours.approve',
  hoursApproveMany: 'volunteers.hours.approve-many',
  hoursReject: 'volunteers.hours.reject',
  hoursRejectMany: 'volunteers.hours.reject-many',
  serviceRecordGet: 'volunteers.service-record.get',
  certificateGet: 'volunteers.certificate.get',
  tierList: 'volunteers.tier.list',
} as const;
