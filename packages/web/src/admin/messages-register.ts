import i18n from '../i18n.js';
import { adminEn, adminKo, customerEn, customerKo, settingsEn, settingsKo } from './messages.js';

// The admin, customer and settings pages' strings travel in their own chunks, not in the bundle every
// page loads: each of those pages imports this module, which merges them in once before it renders.
i18n.addResourceBundle(
  'ko',
  'translation',
  { admin: adminKo, customer: customerKo, settings: settingsKo },
  true,
  true,
);
i18n.addResourceBundle(
  'en',
  'translation',
  { admin: adminEn, customer: customerEn, settings: settingsEn },
  true,
  true,
);
