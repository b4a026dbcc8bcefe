/**
 * Test support only (main/jobs/crash.test.ts): a worker that is killed with SIGKILL while filling.
 * Usage: fillCrashChild.ts <db file> <start ms> <mode>
 * - `in-fill-transaction`: kills itself inside the fill transaction, after the trade row is written and
 *   before the commit;
 * - `after-submit`: the broker has answered; prints SUBMITTED and hangs until the parent kills it.
 */
import { PaperBroker } from '../../adapters/broker/PaperBroker';
import { openHarness } from './liveHarness';

async function main(): Promise<void> {
  const [file, startArg, mode] = process.argv.slice(2);
  if (!file || !startArg || !mode) throw new Error('usage: fillCrashChild <file> <start ms> <mode>');
  const start = Number(startArg);
  const h = await openHarness({
    file,
    start,
    script: { AAPL: [{ at: start - 60_000, bid: 99.99, ask: 100.01, last: 100 }] },
    broker: (clock) => {
      const paper = new PaperBroker({ clock });
      return {
        name: 'paper',
        expectedFillPrice: (side, quote) => paper.expectedFillPrice(side, quote),
        submit: async (request, quote) => {
          const answer = await paper.submit(request, quote);
          if (mode === 'after-submit') {
            process.stdout.write('SUBMITTED\n');
            await new Promise(() => undefined);
          }
          return answer;
        },
      };
    },
  });
  if (mode === 'in-fill-transaction') {
    const update = h.store.positions.update.bind(h.store.positions);
    h.store.positions.update = (tenantId, next, expected) => {
      const written = update(tenantId, next, expected);
      process.stdout.write('IN_FILL_TRANSACTION\n');
      process.kill(process.pid, 'SIGKILL');
      return written;
    };
  }
  process.stdout.write('READY\n');
  await h.drain();
  process.stdout.write('DRAINED\n');
}

void main();
