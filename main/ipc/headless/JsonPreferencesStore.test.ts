import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../shared/ipc/dto/settings';
import { JsonPreferencesStore } from './JsonPreferencesStore';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-prefs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('headless preferences file', () => {
  it('a damaged file is reported and kept, never silently replaced by the defaults', () => {
    const file = path.join(dir, 'preferences.json');
    fs.writeFileSync(file, '{"tickIntervalMinutes": 1');
    const store = new JsonPreferencesStore(file);
    expect(store.problem).toMatch(/preferences\.json is not JSON/);
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"tickIntervalMinutes": 1'); // reading changed nothing
    store.set({ ...DEFAULT_PREFERENCES });
    const kept = fs.readdirSync(dir).filter((n) => n.startsWith('preferences.json.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0] as string), 'utf8')).toBe('{"tickIntervalMinutes": 1');
    expect(new JsonPreferencesStore(file).problem).toBeNull();
  });

  it('a missing file is a first start, not a problem', () => {
    const store = new JsonPreferencesStore(path.join(dir, 'none', 'preferences.json'));
    expect(store.problem).toBeNull();
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
  });
});
