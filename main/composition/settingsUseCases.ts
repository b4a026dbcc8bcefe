import { processDividends } from '../../shared/application/dividends/processDividends';
import { recordDividend, type RecordDividendInput } from '../../shared/application/dividends/recordDividend';
import { setCommissionRate, type SetCommissionRateInput } from '../../shared/application/ledger';
import type { Result } from '../../shared/application/ledger/Result';
import {
  discardDeadLetter,
  listDeadLetters,
  requeueDeadLetter,
  type DeadLetter,
  type DeadLetterActionInput,
  type RequeueResult,
} from '../../shared/application/settings/deadLetters';
import {
  readTradingSettings,
  removeCommissionRate,
  setForEveryPortfolio,
  setPaperSlippage,
  type RemoveCommissionRateInput,
  type SetPaperSlippageInput,
  type SetPortfolioWideInput,
  type TradingSettingsView,
} from '../../shared/application/settings/tradingSettings';
import type { LiveDeps } from '../../shared/application/trading/TradingDeps';
import type { LedgerDeps } from '../../shared/application/ledger/LedgerDeps';
import type { CommissionRate } from '../../shared/domain/Commission';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { exchangeDateOf } from '../../shared/domain/calendar';
import type { DeadLetterRepository } from '../../shared/ports/DeadLetterRepository';
import type { OrderRecord } from '../../shared/ports/OrderRepository';
import type { TradingSettingsRepository } from '../../shared/ports/TradingSettingsRepository';

type Scoped<T> = Omit<T, 'tenantId'>;

/** When the daily dividend jobs ran and run next (ADR 0089). */
export interface DailyJobsStatus {
  lastRunDate: string | null;
  nextRunAt: number | null;
  running: boolean;
}

/**
 * Every setting of issue 15 "every setting reachable" that is not a strategy config (those are the
 * ledger's changePortfolioConfig / changePositionConfigOverride), bound to the backend's tenant: trading
 * settings (commission, slippage, price policy and withholding for every portfolio), the dead-letter
 * queue, and dividends entered by hand. Each change is one transaction with its events.
 */
export interface SettingsUseCases {
  trading(): TradingSettingsView;
  setCommissionRate(input: Scoped<SetCommissionRateInput>): Result<CommissionRate>;
  removeCommissionRate(input: Scoped<RemoveCommissionRateInput>): Result<CommissionRate>;
  setPaperSlippage(input: Scoped<SetPaperSlippageInput>): Result<number>;
  /** Price policy and/or default dividend withholding of every portfolio; the number of portfolios. */
  setForEveryPortfolio(input: Scoped<SetPortfolioWideInput>): Result<number>;
  deadLetters(limit?: number): DeadLetter[];
  requeueDeadLetter(input: Scoped<DeadLetterActionInput>): Result<RequeueResult>;
  discardDeadLetter(
    input: Scoped<DeadLetterActionInput>,
  ): Result<{ intentId: string; events: DomainEvent[] }>;
  /** Records the dividend, then runs the dividend jobs for today (an ex-date already past accrues at once). */
  recordDividend(input: Scoped<RecordDividendInput>): Promise<Result<DomainEvent<'DividendAnnounced'>>>;
  dailyJobs(): DailyJobsStatus;
}

/** What the settings run on: the ledger's ports, the queue, dividends, and the tenant's settings row. */
export type SettingsDeps = LedgerDeps &
  Pick<LiveDeps, 'intents' | 'trades' | 'dividends' | 'logger'> & {
    tradingSettings: TradingSettingsRepository;
    deadLetters: DeadLetterRepository;
  };

export interface SettingsBinding {
  deps: SettingsDeps;
  tenantId: string;
  /** After a dividend entered by hand: the daily jobs run again (the backend's timer). */
  dividendsChanged?: () => Promise<void>;
  /** A re-queued order exists: push it and wake the worker. */
  requeued?: (order: OrderRecord) => void;
  dailyStatus?: () => DailyJobsStatus;
}

export function bindSettings(binding: SettingsBinding): SettingsUseCases {
  const { deps, tenantId } = binding;
  const t = { tenantId };
  return {
    trading: () => readTradingSettings(deps, tenantId),
    setCommissionRate: (input) => setCommissionRate(deps, { ...input, ...t }),
    removeCommissionRate: (input) => removeCommissionRate(deps, { ...input, ...t }),
    setPaperSlippage: (input) => setPaperSlippage(deps, { ...input, ...t }),
    setForEveryPortfolio: (input) => setForEveryPortfolio(deps, { ...input, ...t }),
    deadLetters: (limit) => listDeadLetters(deps, tenantId, limit),
    requeueDeadLetter: (input) => {
      const result = requeueDeadLetter(deps, { ...input, ...t });
      if (result.ok) binding.requeued?.(result.value.order);
      return result;
    },
    discardDeadLetter: (input) => discardDeadLetter(deps, { ...input, ...t }),
    recordDividend: async (input) => {
      const result = recordDividend(deps, { ...input, ...t });
      if (!result.ok) return result;
      if (binding.dividendsChanged) await binding.dividendsChanged();
      else processDividends(deps, tenantId, exchangeDateOf(deps.clock.now()));
      return result;
    },
    dailyJobs: () => binding.dailyStatus?.() ?? { lastRunDate: null, nextRunAt: null, running: false },
  };
}
