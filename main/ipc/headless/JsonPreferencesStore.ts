import { copyFileSync } from 'node:fs';
import { readJsonStateFile, writeFileAtomicSync } from '../../adapters/files/atomicFile';
import { fileStamp } from '../../db/backups';
import {
  DEFAULT_PREFERENCES,
  preferencesSchema,
  type PreferencesDto,
} from '../../../shared/ipc/dto/settings';
import type { PreferencesStore } from '../HostServices';
import { mergeStoredPreferences } from '../preferences';

/**
 * Preferences of headless mode in a JSON file of the data folder (the desktop uses electron-store).
 * Fields missing or refused by their schema keep their defaults, field by field; writes are atomic
 * (ADR 0075). A file that cannot be read at all is never silently reset: `problem` says so (the daemon
 * prints it), the defaults are used meanwhile, and the first save keeps the damaged file beside it as
 * `preferences.json.unreadable-<stamp>` before writing a new one.
 */
export class JsonPreferencesStore implements PreferencesStore {
  private current: PreferencesDto;
  /** Why the file could not be read (null when it could, or was not there yet). */
  readonly problem: string | null;
  private damagedKept = false;

  constructor(private readonly file: string) {
    const read = readJsonStateFile(file, (value) => value);
    this.current = read.state === 'ok' ? mergeStoredPreferences(read.value) : DEFAULT_PREFERENCES;
    this.problem =
      read.state === 'unreadable'
        ? `the preferences file ${read.message}; the default preferences are used until you save them (the damaged file is kept)`
        : null;
  }

  get(): PreferencesDto {
    return this.current;
  }

  set(preferences: PreferencesDto): void {
    const checked = preferencesSchema.parse(preferences);
    if (this.problem !== null && !this.damagedKept) {
      copyFileSync(this.file, `${this.file}.unreadable-${fileStamp(new Date())}`);
      this.damagedKept = true;
    }
    writeFileAtomicSync(this.file, JSON.stringify(checked, null, 2) + '\n');
    this.current = checked;
  }
}
