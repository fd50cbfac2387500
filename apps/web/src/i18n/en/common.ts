import type { Messages } from '../zh-CN';

export default {
  appName: 'Community Time Bank',
  loading: 'Loading…',
  retry: 'Try again',
  back: 'Back',
  cancel: 'Cancel',
  confirm: 'OK',
  save: 'Save',
  saved: 'Saved',
  close: 'Close',
  pickerUnits: { year: '{n}', month: '{n}', day: '{n}' },
  empty: 'Nothing here yet',
  notFound: 'There is no such page',
  more: 'Load more',
  noMore: 'No more',
  error: {
    network: 'No connection. Check your network and try again. What you typed is still here.',
    server:
      'The service is unavailable for a moment. Try again soon. What you typed is still here.',
    tooFast: 'Too many tries. Try again in {seconds} seconds.',
    unknown: 'Something went wrong. Please try again later.',
  },
  minutes: '{n} min',
  hoursMinutes: '{h} h {m} min',
  hours: '{h} h',
  credits: 'Time credits',
  creditsUnit: 'min',
  /** The camera reading a QR code (the counter's vouchers, an activity's door code). */
  camera: {
    label: 'Camera picture: put the QR code inside the frame',
    starting: 'Starting the camera…',
    aim: 'Put the QR code inside the frame; it is read by itself',
  },
  nav: {
    label: 'Main sections',
    home: 'Home',
    board: 'Help board',
    requests: 'Requests',
    rewards: 'Offers',
    me: 'Me',
  },
} satisfies Messages['common'];
