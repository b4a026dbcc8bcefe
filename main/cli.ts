import { runCli } from './cli/index';

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
