/**
 * Which trading session a symbol's exchange is in at an instant (SPEC 2.2). Without extended hours allowed,
 * anything but REGULAR makes the orchestrator hold with reason `market_closed`.
 */
export type MarketSession = 'REGULAR' | 'EXTENDED' | 'CLOSED';
