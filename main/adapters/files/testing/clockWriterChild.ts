/**
 * Child process of the atomic-file test: writes the demo's clock file (argv[2] = data folder) with the
 * app's own `persist`, as fast as it can, until it is SIGKILLed. Prints "READY" after the first write.
 */
import { createMarketData } from '../../../composition/marketDataChoice';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: clockWriterChild <data dir>');
  const chosen = await createMarketData('replay', { dataDir });
  chosen.persist();
  process.stdout.write('READY\n');
  for (;;) chosen.persist();
}

main().catch((err: unknown) => {
  process.stdout.write(`CRASH ${String(err)}\n`);
  process.exit(1);
});
