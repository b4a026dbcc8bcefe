import path from 'node:path';
import { readJsonStateFile, StateFileError, writeFileAtomicSync } from '../adapters/files/atomicFile';
import { isTradingDay, nextTradingDay, sessionHours } from '../../shared/domain/calendar';
import type { MarketDataPort } from '../../shared/ports/MarketData';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { MappedClock, SystemClock, type ScheduleClock } from '../adapters/clock/Timers';
import { skippedSlotsBetween } from '../adapters/marketData/ClosedHours';
import { ReplayClock } from '../adapters/marketData/ReplayClock';
import { ReplayMarketData } from '../adapters/marketData/ReplayMarketData';
import { YahooMarketData } from '../adapters/marketData/YahooMarketData';

export type ProviderChoice = 'replay' | 'yahoo';

/** The demo starts just before the open of a volatile stretch of real history (Feb–Mar 2020). */
export const DEFAULT_REPLAY_START = '2020-02-20';
/** Virtual ms per real ms: a 5-minute tick every real second, a trading day in about 80 s. */
export const DEFAULT_REPLAY_SPEED = 300;

export interface ChosenMarketData {
  marketData: MarketDataPort;
  clock: ScheduleClock;
  describe: string;
  /** Saves where the replay got to, so the next start continues there (the demo's time never runs backwards). */
  persist(): void;
  /** Slots the clock skips on purpose (the demo's closed hours): not missed ticks. */
  skippedSlots?: (fromMs: number, toMs: number, intervalMs: number) => number;
}

/**
 * The provider and the clock that goes with it. The demo replays the bundled dataset on a virtual
 * clock; its position in history is kept in `<dataDir>/demo-clock.json` so a restarted demo resumes
 * where it stopped (`replay.startDate` given explicitly starts over from that date).
 */
export async function createMarketData(
  choice: ProviderChoice,
  options: {
    dataDir: string;
    replay?: { startDate?: string; speed?: number };
    clock?: ScheduleClock;
    /**
     * The demo resumes no earlier than this virtual instant (the newest event of its database): if the
     * clock file lags the database (a kill between a commit and the file's write), time still never
     * goes back over what was already traded.
     */
    notBefore?: number;
  },
): Promise<ChosenMarketData> {
  if (choice === 'yahoo') {
    const clock = options.clock ?? new SystemClock();
    return {
      marketData: new YahooMarketData({ clock }),
      clock,
      describe: 'yahoo (live)',
      persist: () => undefined,
    };
  }
  const stateFile = path.join(options.dataDir, 'demo-clock.json');
  const speed = options.replay?.speed ?? DEFAULT_REPLAY_SPEED;
  const saved = options.replay?.startDate === undefined ? readSaved(stateFile) : null;
  const planned = saved ?? replayStartInstant(options.replay?.startDate ?? DEFAULT_REPLAY_START);
  // An explicit --replay-start starts over on purpose; otherwise time never goes back over the database.
  const startVirtual =
    options.replay?.startDate === undefined && options.notBefore !== undefined
      ? Math.max(planned, options.notBefore)
      : planned;
  // The demo skips closed hours: nights and weekends pass at once, every real second is market time.
  const replayClock = new ReplayClock({ startReal: Date.now(), startVirtual, speed, skipClosedHours: true });
  const clock = options.clock ?? new MappedClock(replayClock);
  return {
    marketData: new ReplayMarketData({ clock, history: new BundledBarSource() }),
    clock,
    describe: `replay of bundled history from ${new Date(startVirtual).toISOString()} at ${speed}x, closed hours skipped`,
    skippedSlots: skippedSlotsBetween,
    // Atomic (temp file, fsync, rename): a kill mid-write leaves the previous time, never an empty file.
    persist: () => writeFileAtomicSync(stateFile, JSON.stringify({ virtualNow: clock.now() })),
  };
}

/** Ten virtual minutes before the regular open of the first trading day on or after `date`. */
export function replayStartInstant(date: string): number {
  const day = isTradingDay(date) ? date : nextTradingDay(date);
  const hours = sessionHours(day);
  if (hours === null) throw new RangeError(`no session on ${day}`);
  return hours.regularOpen - 10 * 60_000;
}

/**
 * Where the demo got to, or null on a first start. A clock file that is there but cannot be read is
 * refused, never taken as a first start: that would replay time the demo already traded (ADR 0075).
 */
function readSaved(file: string): number | null {
  const read = readJsonStateFile(file, (value) => {
    const virtualNow = (value as { virtualNow?: unknown } | null)?.virtualNow;
    return typeof virtualNow === 'number' && Number.isFinite(virtualNow) ? virtualNow : null;
  });
  if (read.state === 'missing') return null;
  if (read.state === 'ok') return read.value;
  throw new StateFileError(
    file,
    `The demo's clock file ${read.message}; the demo will not start over on time it already traded. ` +
      'Give --replay-start <date> to start the replay over from a date, or move the file away to continue after the newest event of the database.',
  );
}
