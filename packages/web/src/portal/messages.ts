import i18n from '../i18n.js';
import { portalEn, portalKo } from './locales.js';

// The portal's strings travel in its own chunks, not in the bundle every page loads: each portal page
// imports this module, which adds them once before the page renders.
i18n.addResourceBundle('ko', 'translation', { portal: portalKo }, true, false);
i18n.addResourceBundle('en', 'translation', { portal: portalEn }, true, false);
