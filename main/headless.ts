/**
 * Headless entry (`npm run headless`): the same backend as the desktop app, without Electron (SPEC 6).
 * Same options as `vb daemon --help`; with none it runs the offline demo. Exit codes as the CLI's
 * (main/cli/exitCodes.ts): 0 stopped cleanly, 1 failed, 2 bad input (nothing written).
 */
import { processIo } from './cli/CliContext';
import { daemonCommand } from './cli/commands/daemon';
import { runProgram } from './cli/index';
import { exitWhenFlushed } from './cli/processExit';

void runProgram(daemonCommand().name('headless'), process.argv.slice(2), processIo()).then(exitWhenFlushed);
