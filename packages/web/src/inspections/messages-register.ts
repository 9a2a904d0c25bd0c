import i18n from '../i18n.js';
import { inspectionEn, inspectionKo } from './messages.js';

// The inspection pages' strings travel in their own chunk: each page (and the ticket panel) imports this once.
i18n.addResourceBundle('ko', 'translation', { inspection: inspectionKo }, true, true);
i18n.addResourceBundle('en', 'translation', { inspection: inspectionEn }, true, true);
