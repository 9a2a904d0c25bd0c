import i18n from '../i18n.js';
import { improvementEn, improvementKo } from './messages.js';

// The register's strings travel in its own chunk: each of its pages imports this module, which merges them once.
i18n.addResourceBundle('ko', 'translation', { improvement: improvementKo }, true, true);
i18n.addResourceBundle('en', 'translation', { improvement: improvementEn }, true, true);
