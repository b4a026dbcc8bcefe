/**
 * Child process for tests: opens the database given as argv[2] and reports on stdout.
 * - `hold`: opens, prints "OPEN", then waits (to be killed);
 * - `try`: opens and prints "OPEN", or prints the DatabaseOpenError as "ERROR <code> <message>".
 */
import { openDatabase } from '../openDatabase';
import { DatabaseOpenError } from '../DatabaseOpenError';
import { MIGRATIONS_FOLDER } from './testDatabase';

const [, , file, mode] = process.argv;

openDatabase({ file: file ?? '', migrationsFolder: MIGRATIONS_FOLDER }).then(
  (db) => {
    process.stdout.write('OPEN\n');
    if (mode === 'hold') setInterval(() => db.sqlite.prepare('SELECT 1').get(), 1000);
    else db.close();
  },
  (err: unknown) => {
    if (err instanceof DatabaseOpenError) process.stdout.write(`ERROR ${err.code} ${err.message}\n`);
    else process.stdout.write(`CRASH ${String(err)}\n`);
  },
);
