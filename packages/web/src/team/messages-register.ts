import i18n from '../i18n.js';
import { teamEn, teamKo } from './messages.js';

// The team pages' strings travel in their own chunk: each page imports this module, which merges them once.
i18n.addResourceBundle('ko', 'translation', { team: teamKo }, true, true);
i18n.addResourceBundle('en', 'translation', { team: teamEn }, true, true);
