import path from 'node:path';
import * as ledger from '../../shared/application/ledger';
import { SILENT_LOGGER } from '../../shared/ports/Logger';
import { ulidGenerator } from '../../shared/ports/IdGenerator';
import { SystemClock } from '../adapters/clock/Timers';
import { JsonPreferencesStore } from '../ipc/headless/JsonPreferencesStore';
import { bindSettings, type SettingsUseCases } from '../composition/settingsUseCases';
import { databaseFileFor } from '../composition/createBackend';
import type { ProviderChoice } from '../composition/marketDataChoice';
import { createStore } from '../db/createStore';
import { openDatabase } from '../db/openDatabase';
import {
  listTradingHalts,
  resumeTrading,
  type PortfolioHaltView,
} from '../../shared/application/risk/tradingHalts';
import type { Result } from '../../shared/application/ledger/Result';
import type { DomainEvent } from '../../shared/domain/DomainEvent';

/**
 * The data folder's database for `vb settings`, `vb dead-letters` and `vb dividend` (issue 15): the same
 * use cases as Settings in the app, one transaction each with its events, without starting the loop.
 * The market data is not needed: nothing here quotes a price. A running app or daemon holds the writer
 * lock; the command then says so (exit 2) and the change is made in the app instead.
 */
export interface SettingsDatabase {
  settings: SettingsUseCases;
  /** The risk manager's halts (SPEC 9): `vb halts` lists them and resumes a halted portfolio. */
  halts: {
    list(): PortfolioHaltView[];
    resume(input: {
      portfolioId: string;
      by: string;
      why: string | null;
    }): Result<DomainEvent<'TradingResumed'>>;
  };
  databaseFile: string;
  /** The preference file the daemon reads, kept equal to the portfolios' price policy. */
  preferences: JsonPreferencesStore;
  close(): void;
}

export async function openSettingsDatabase(
  dataDir: string,
  provider: ProviderChoice,
): Promise<SettingsDatabase> {
  const file = databaseFileFor(dataDir, provider);
  const db = await openDatabase({ file });
  const clock = new SystemClock();
  const ids = ulidGenerator(clock);
  const store = createStore(db, { ids, clock });
  const deps = { ...store, clock, ids };
  let tenantId = store.tenants.listAll()[0]?.id;
  if (tenantId === undefined) {
    const created = ledger.createTenant(deps, { name: 'Investor' });
    if (!created.ok) throw new Error(created.message);
    tenantId = created.value.id;
  }
  const settings = bindSettings({
    deps: { ...deps, logger: SILENT_LOGGER },
    tenantId,
  });
  const haltDeps = { ...deps };
  const owner = tenantId;
  return {
    settings,
    halts: {
      list: () => listTradingHalts(haltDeps, owner),
      resume: (input) => resumeTrading(haltDeps, { tenantId: owner, ...input, why: input.why ?? undefined }),
    },
    databaseFile: db.file,
    preferences: new JsonPreferencesStore(path.join(dataDir, 'preferences.json')),
    close: () => db.close(),
  };
}
