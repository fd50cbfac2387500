import type { Messages } from '../zh-CN';

export default {
  title: 'Me',
  card: 'Card',
  roles: {
    resident: 'Resident',
    volunteer: 'Volunteer',
    merchant: 'Merchant',
    coordinator: 'Community staff',
    admin: 'Admin',
  },
  priority: 'Priority household',
  settings: 'Settings (language, text size, contrast)',
  links: {
    statement: 'Statement',
    gift: 'Give credits to family',
    vouchers: 'My vouchers',
    activities: 'Community activities',
    hours: 'My hours',
    record: 'Service record and certificate',
    profile: 'Volunteer profile',
  },
  password: 'Change password',
} satisfies Messages['me'];
