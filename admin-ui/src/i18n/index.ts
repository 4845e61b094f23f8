import type { TranslationMessages } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chineseMessages from '@haxqer/ra-language-chinese';
import { merge } from './merge.ts';
import { duban } from './duban.ts';

// The Chinese pack lags react-admin 5: English fills the keys it lacks.
const messages: Record<string, TranslationMessages> = {
  zh: merge(englishMessages, chineseMessages, duban.zh) as unknown as TranslationMessages,
  en: merge(englishMessages, duban.en) as unknown as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.zh!, 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
