import { describe, expect, it } from 'vitest';
import { defaultMaxCachedWorkflows, loadConfig } from './config.ts';

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
