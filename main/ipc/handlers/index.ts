import type { Handlers } from '../dispatch';
import { appHandlers } from './appHandlers';
import { backupHandlers } from './backupHandlers';
import { dividendHandlers } from './dividendHandlers';
import { eventLogHandlers } from './eventLogHandlers';
import { inputsHandlers } from './inputsHandlers';
import type { HandlerDeps } from './HandlerDeps';
import { ledgerHandlers } from './ledgerHandlers';
import { orderDeskHandlers } from './orderDeskHandlers';
import { reportHandlers } from './reportHandlers';
import { riskHandlers } from './riskHandlers';
import { settingsHandlers } from './settingsHandlers';
import { simulationHandlers } from './simulationHandlers';
import { tradingHandlers } from './tradingHandlers';
import { accountingHandlers } from './accountingHandlers';
import { labHandlers } from './labHandlers';
import { tradingSettingsHandlers } from './tradingSettingsHandlers';
import { haltHandlers } from './haltHandlers';

export type { HandlerDeps } from './HandlerDeps';

/** Every channel's handler (the type makes a missing one a compile error). */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...ledgerHandlers(deps),
    ...inputsHandlers(deps),
    ...orderDeskHandlers(deps),
    ...eventLogHandlers(deps),
    ...tradingHandlers(deps),
    ...dividendHandlers(deps),
    ...simulationHandlers(deps),
    ...reportHandlers(deps),
    ...backupHandlers(deps),
    ...settingsHandlers(deps),
    ...accountingHandlers(deps),
    ...labHandlers(deps),
    ...tradingSettingsHandlers(deps),
    ...riskHandlers(deps),
    ...haltHandlers(deps),
  };
}
