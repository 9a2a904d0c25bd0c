import i18n from '../i18n.js';
import { reportsEn } from './messages-en.js';
import { reportsKo } from './messages-ko.js';

// The dashboards', reports' and meeting pages' strings travel in their own chunks, not in the bundle every
// page loads: each of those pages (and the charts) imports this module, which merges them in once.
i18n.addResourceBundle('ko', 'translation', { reports: reportsKo }, true, true);
i18n.addResourceBundle('en', 'translation', { reports: reportsEn }, true, true);
