import type { Messages } from '../zh-CN';

export default {
  title: 'Settings',
  language: 'Language',
  textSize: 'Text size',
  sizes: { standard: 'Standard', large: 'Large', xlarge: 'Extra large' },
  sample: 'Example: Mrs Wang needs someone to walk her to the clinic.',
  contrast: 'High contrast',
  contrastHint: 'Black on white, easier to read',
} satisfies Messages['settings'];
