import i18n from '../i18n.js';
import { oncallEn, oncallKo } from './messages.js';

// The on-call page's strings travel in its own chunk: the page imports this module, which merges them once.
i18n.addResourceBundle('ko', 'translation', { oncall: oncallKo }, true, true);
i18n.addResourceBundle('en', 'translation', { oncall: oncallEn }, true, true);
