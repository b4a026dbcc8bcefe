import type { PortfolioHaltView } from '../../../shared/application/risk/tradingHalts';
import { haltWords } from '../../../shared/format/RiskEventWords';
import type { PortfolioHaltDto } from '../../../shared/ipc/dto/halts';
import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';
import { fromResult } from './results';

type Channels = 'risk.haltStatus' | 'risk.resume';

/** A portfolio's halt state for the UI, its reason in the event's words (shared/format/RiskEventWords). */
export function portfolioHaltDto(v: PortfolioHaltView): PortfolioHaltDto {
  const h = v.halt;
  return {
    portfolioId: v.portfolioId,
    name: v.name,
    state: v.state,
    reason: h?.reason ?? null,
    since: h?.ts ?? null,
    summary: h === null ? null : haltWords(h),
    resumable: v.state === 'halted',
  };
}

/** The risk manager's halts and the resume (SPEC 9): the Dashboard's banner and its Resume button. */
export function haltHandlers({ backend }: HandlerDeps): Pick<Handlers, Channels> {
  const states = () => backend.risk.halts().map(portfolioHaltDto);
  return {
    'risk.haltStatus': () => ipcOk(states()),
    'risk.resume': (request) =>
      fromResult(
        backend.risk.resume({ portfolioId: request.portfolioId, by: 'user', why: request.why ?? null }),
        () => states(),
        request,
      ),
  };
}
