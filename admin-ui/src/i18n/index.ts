import type { TranslationMessages } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chinesePack from '@haxqer/ra-language-chinese';
import { creditEn, creditZh } from './credit.ts';
import { drawsEn, drawsZh } from './draws.ts';
import { roundsEn, roundsZh } from './rounds.ts';
import { warningsEn, warningsZh } from './warnings.ts';
import { securityEn, securityZh } from './security.ts';
import { officeEn, officeZh } from './office.ts';
import { bulletinsEn, bulletinsZh } from './bulletins.ts';
import { appealsEn, appealsZh } from './appeals.ts';
import { reportingEn, reportingZh } from './reporting.ts';
import { signOffEn, signOffZh } from './signoff.ts';
import { ladderEn, ladderZh } from './ladder.ts';
import { merge } from './merge.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

// The pack is CommonJS with `exports.default`; bundled with Node's interop, the default import is the exports object.
const chineseMessages = (chinesePack as unknown as { default?: TranslationMessages }).default ?? chinesePack;

// The Chinese pack lags react-admin 5: English fills the keys it lacks, then Duban's own words (which also fix a few of its terms).
const messages: Record<string, TranslationMessages> = {
  zh: merge(englishMessages, chineseMessages, zh, creditZh, roundsZh, warningsZh, drawsZh, securityZh, officeZh, bulletinsZh, appealsZh, reportingZh, signOffZh, ladderZh) as unknown as TranslationMessages,
  en: merge(englishMessages, en, creditEn, roundsEn, warningsEn, drawsEn, securityEn, officeEn, bulletinsEn, appealsEn, reportingEn, signOffEn, ladderEn) as unknown as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.zh!, 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
