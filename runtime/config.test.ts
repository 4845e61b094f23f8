import { describe, expect, it } from 'vitest';
import { defaultImportLadderHoldSeconds, defaultMaxCachedWorkflows, loadConfig } from './config.ts';

describe('DUBAN_WORKER_MAX_CACHED_WORKFLOWS', () => {
  it('defaults to the measured cache size and takes a whole number, or 0 for no cache', () => {
    expect(loadConfig({}).worker.maxCachedWorkflows).toBe(defaultMaxCachedWorkflows);
    expect(loadConfig({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '400' }).worker.maxCachedWorkflows).toBe(400);
    expect(loadConfig({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '0' }).worker.maxCachedWorkflows).toBe(0);
  });

  it('refuses what the SDK would not take', () => {
    for (const value of ['1', '-5', '2.5', 'many']) expect(() => loadConfig({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: value })).toThrow(/DUBAN_WORKER_MAX_CACHED_WORKFLOWS/);
  });
});

describe('DUBAN_IMPORT_LADDER_HOLD_SECONDS', () => {
  it('defaults to a minute and takes whole seconds up to a day, 0 for no hold', () => {
    expect(loadConfig({}).importLadderHoldSeconds).toBe(defaultImportLadderHoldSeconds);
    expect(loadConfig({ DUBAN_IMPORT_LADDER_HOLD_SECONDS: '0' }).importLadderHoldSeconds).toBe(0);
    expect(loadConfig({ DUBAN_IMPORT_LADDER_HOLD_SECONDS: '300' }).importLadderHoldSeconds).toBe(300);
    for (const value of ['-1', '1.5', '86401', 'soon']) expect(() => loadConfig({ DUBAN_IMPORT_LADDER_HOLD_SECONDS: value })).toThrow(/DUBAN_IMPORT_LADDER_HOLD_SECONDS/);
  });
});
