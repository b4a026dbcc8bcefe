import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_PREFERENCES,
  preferencesSchema,
  type PreferencesDto,
} from '../../../shared/ipc/dto/settings';
import type { PreferencesStore } from '../HostServices';
import { mergeStoredPreferences } from '../preferences';

/**
 * Preferences of headless mode in a JSON file of the data folder (the desktop uses electron-store).
 * A missing or damaged file gives the defaults, field by field; writes are atomic (temp file + rename).
 */
export class JsonPreferencesStore implements PreferencesStore {
  private current: PreferencesDto;

  constructor(private readonly file: string) {
    this.current = readPreferences(file);
  }

  get(): PreferencesDto {
    return this.current;
  }

  set(preferences: PreferencesDto): void {
    const checked = preferencesSchema.parse(preferences);
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(checked, null, 2) + '\n', 'utf8');
    renameSync(temp, this.file);
    this.current = checked;
  }
}

function readPreferences(file: string): PreferencesDto {
  try {
    return mergeStoredPreferences(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch {
    return DEFAULT_PREFERENCES;
  }
}
