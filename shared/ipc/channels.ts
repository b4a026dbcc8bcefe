/**
 * Channel and push names only (no schemas, no zod), for the renderer bundle and the preload bridge.
 * Kept equal to the contract by a test (contract.test.ts).
 */
export const CHANNELS = [
  'app.getStatus',
  'app.createDemoPortfolio',
  'app.openLogFolder',
  'app.restartApp',
  'app.exportIntegrityEvidence',
  'portfolio.listPortfolios',
  'portfolio.createPortfolio',
  'portfolio.changeConfig',
  'portfolio.getDashboard',
  'position.listPositions',
  'position.getPosition',
  'position.createPosition',
  'position.pausePosition',
  'position.resumePosition',
  'position.closePosition',
  'position.depositCash',
  'position.withdrawCash',
  'position.setAnchor',
  'position.changeConfig',
  'position.previewTriggers',
  'position.listOrders',
  'position.listTrades',
  'position.getChart',
  // inputs (issue 15)
  'position.previewAnchor',
  'position.previewNewPosition',
  'position.rebalanceNow',
  'position.deletePosition',
  // order desk (issue 15: ticket, cancel, evaluate now)
  'position.previewOrder',
  'position.placeOrder',
  'position.cancelOrder',
  'position.evaluateNow',
  'timeline.listEvaluations',
  'trading.getStatus',
  'trading.pauseTrading',
  'trading.resumeTrading',
  'trading.evaluateNow',
  'dividend.getOverview',
  'simulation.getDataset',
  'simulation.startSimulation',
  'simulation.cancelSimulation',
  'simulation.listRuns',
  'simulation.getRun',
  // simulation inputs (issue 15: sources, CSV import)
  'simulation.listSources',
  'simulation.importCsv',
  'eventLog.listEvents',
  'eventLog.verifyChain',
  'report.exportSimulation',
  'report.exportEvents',
  'backup.createBackup',
  'backup.listBackups',
  'backup.stageRestore',
  'settings.getSettings',
  'settings.updateSettings',
  // accounting (issue 16)
  'accounting.listLots',
  'accounting.getPerformance',
  'accounting.getDashboardFigures',
  'accounting.getTaxReport',
  'accounting.getSettings',
  'accounting.updateSettings',
  'report.exportTaxReport',
  // strategy lab (issue 18)
  'lab.compareStrategies',
  'lab.exportCompare',
  // settings › trading, dead letters, dividends by hand (issue 15)
  'settings.getTrading',
  'settings.setCommissionRate',
  'settings.removeCommissionRate',
  'settings.updateTrading',
  'deadLetter.listDeadLetters',
  'deadLetter.requeueDeadLetter',
  'deadLetter.discardDeadLetter',
  'settings.getStrategyFields',
  'dividend.recordDividend',
  // risk (SPEC 9, issue 17)
  'risk.getReport',
  'risk.listAlerts',
  // risk manager: halts and resume (SPEC 9, issue 17)
  'risk.haltStatus',
  'risk.resume',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const PUSHES = [
  'evaluation.recorded',
  'order.filled',
  'order.rejected',
  'intent.deadLettered',
  'tick.completed',
  'trading.statusChanged',
  'provider.healthChanged',
  'eventLog.appended',
  'notification.posted',
  'simulation.progressed',
  'simulation.finished',
  'settings.changed',
] as const;
export type PushName = (typeof PUSHES)[number];

/** The Electron IPC channel every push travels on (one listener in preload, fanned out by name). */
export const PUSH_CHANNEL = 'vb:push';

const channelSet: ReadonlySet<string> = new Set(CHANNELS);
const pushSet: ReadonlySet<string> = new Set(PUSHES);

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

export function isPush(name: unknown): name is PushName {
  return typeof name === 'string' && pushSet.has(name);
}
