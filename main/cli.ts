import { runCli } from './cli/index';
import { exitWhenFlushed } from './cli/processExit';

void runCli(process.argv.slice(2)).then(exitWhenFlushed);
