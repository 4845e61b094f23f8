import { describe, expect, it } from 'vitest';
import { viewerLocale } from './locale.ts';

describe('the viewer\'s language', () => {
  it('is the most preferred of Chinese and English, Chinese when neither is asked for', () => {
    expect(viewerLocale('en')).toBe('en');
    expect(viewerLocale('zh')).toBe('zh');
    expect(viewerLocale('en-US,en;q=0.9')).toBe('en');
    expect(viewerLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(viewerLocale('fr, en;q=0.5, zh;q=0.7')).toBe('zh');
    expect(viewerLocale('de, en;q=0.5')).toBe('en');
    expect(viewerLocale('en;q=0, zh;q=0.1')).toBe('zh');
    expect(viewerLocale('*')).toBe('zh');
    expect(viewerLocale('')).toBe('zh');
    expect(viewerLocale(null)).toBe('zh');
  });
});
