import { z } from 'zod';
import { LIMITS, limitSchema } from '../domain/InputLimits';
import {
  appStatusSchema,
  backupListSchema,
  exportedFileSchema,
  exportFormatSchema,
  logLocationSchema,
  restartSchema,
  stagedRestoreSchema,
  stageRestoreRequest,
} from './dto/app';
import { emptyRequest, fractionSchema, idSchema } from './dto/common';
import { configPatchSchema } from './dto/config';
import { dividendOverviewSchema } from './dto/dividends';
import {
  chainStatusSchema,
  eventFilterSchema,
  eventPageSchema,
  eventsAppendedSchema,
  evaluationPageSchema,
  evaluationRecordedSchema,
  notificationSchema,
  listEvaluationsRequest,
  listEventsRequest,
  orderFilledSchema,
  orderRejectedSchema,
} from './dto/events';
import {
  chartSchema,
  orderSchema,
  portfolioSchema,
  positionSchema,
  positionStatusSchema,
  tradeSchema,
  triggerPricesSchema,
} from './dto/ledger';
import {
  anchorPreviewSchema,
  manualOrderResultSchema,
  newPositionPreviewSchema,
  newPositionShape,
  previewAnchorRequest,
  previewNewPositionRequest,
} from './dto/inputs';
import {
  cancelledOrderSchema,
  cancelOrderRequest,
  orderTicketPreviewSchema,
  orderTicketRequest,
  placedOrderSchema,
  placeOrderRequest,
  positionEvaluatedSchema,
} from './dto/orderDesk';
import { preferencesPatchSchema, preferencesSchema, settingsSchema } from './dto/settings';
import { compareRequestSchema, compareResultSchema } from './dto/lab';
import { riskAlertListSchema, riskAlertsRequest, riskReportRequest, riskReportSchema } from './dto/risk';
import { portfolioHaltSchema, resumeTradingRequest } from './dto/halts';
import {
  deadLetterActionRequest,
  deadLetterSchema,
  recordDividendRequest,
  recordedDividendSchema,
  removeCommissionRateRequest,
  setCommissionRateRequest,
  strategyFieldSchema,
  tradingSettingsSchema,
  updateTradingRequest,
} from './dto/tradingSettings';
import {
  datasetSchema,
  csvImportedSchema,
  getRunResponse,
  historySourcesSchema,
  importCsvRequest,
  runInfoSchema,
  simulationFinishedSchema,
  simulationProgressedSchema,
  startSimulationRequest,
} from './dto/simulation';
import {
  dashboardSchema,
  evaluateNowResultSchema,
  intentDeadLetteredSchema,
  providerHealthSchema,
  tickSummarySchema,
  tradingStatusSchema,
} from './dto/trading';
// ── accounting (issue 16) ──
import {
  accountingSettingsSchema,
  dashboardFiguresSchema,
  performanceRequest,
  performanceSchema,
  positionLotsSchema,
  taxReportSchema,
  taxYearRequest,
} from './dto/accounting';

/**
 * The one IPC contract (SPEC 6): every request channel with its request and response schema, and every
 * push with its payload schema. The preload bridge, the main-process handlers (a missing handler is a
 * type error) and the loopback transport are all derived from these objects; the renderer's client is
 * typed by them. Names: `area.verbNoun` for requests, `area.pastTenseFact` for pushes. Requests are
 * strict (an unknown field is refused); the tenant and the acting user are added by main, never sent.
 */

const positionRef = { positionId: idSchema };
const why = z.string().max(500).optional();

export const contract = {
  // ── app ─────────────────────────────────────────────────────────────────────────────────────
  'app.getStatus': { request: emptyRequest, response: appStatusSchema },
  /** First run: a demo portfolio on the bundled data, replayed on a virtual clock. */
  'app.createDemoPortfolio': { request: emptyRequest, response: portfolioSchema },
  /** Opens the log folder in the file manager (desktop); returns where it is either way. */
  'app.openLogFolder': { request: emptyRequest, response: logLocationSchema },
  /** Restarts the app once the backend stopped (desktop); headless answers that the daemon must be restarted. */
  'app.restartApp': { request: emptyRequest, response: restartSchema },
  /** What the last failed ledger check found, the chain heads and the file's facts, as a JSON file. */
  'app.exportIntegrityEvidence': { request: emptyRequest, response: exportedFileSchema },

  // ── portfolio ───────────────────────────────────────────────────────────────────────────────
  'portfolio.listPortfolios': { request: emptyRequest, response: z.array(portfolioSchema) },
  'portfolio.createPortfolio': {
    request: z
      .object({
        name: z.string().max(100),
        baseCurrency: z.string().max(3).optional(),
        config: configPatchSchema.optional(),
      })
      .strict(),
    response: portfolioSchema,
  },
  'portfolio.changeConfig': {
    request: z.object({ portfolioId: idSchema, patch: configPatchSchema }).strict(),
    response: portfolioSchema,
  },
  'portfolio.getDashboard': {
    request: z.object({ portfolioId: idSchema.nullable().default(null) }).strict(),
    response: dashboardSchema,
  },

  // ── position ────────────────────────────────────────────────────────────────────────────────
  'position.listPositions': {
    request: z
      .object({ portfolioId: idSchema.optional(), statuses: z.array(positionStatusSchema).max(3).optional() })
      .strict(),
    response: z.array(positionSchema),
  },
  'position.getPosition': { request: z.object(positionRef).strict(), response: positionSchema },
  'position.createPosition': {
    request: z
      .object({
        ...newPositionShape,
        withholdingPct: limitSchema(LIMITS.withholdingPct).nullable().optional(),
      })
      .strict(),
    response: positionSchema,
  },
  'position.pausePosition': { request: z.object({ ...positionRef, why }).strict(), response: positionSchema },
  'position.resumePosition': {
    request: z.object({ ...positionRef, why }).strict(),
    response: positionSchema,
  },
  /** Closes the position; with `sellOut` it first sells every share (at once without shares). */
  'position.closePosition': {
    request: z.object({ ...positionRef, why, sellOut: z.boolean().default(false) }).strict(),
    response: positionSchema,
  },
  'position.depositCash': {
    request: z.object({ ...positionRef, amount: limitSchema(LIMITS.cashAmount) }).strict(),
    response: positionSchema,
  },
  'position.withdrawCash': {
    request: z.object({ ...positionRef, amount: limitSchema(LIMITS.cashAmount) }).strict(),
    response: positionSchema,
  },
  'position.setAnchor': {
    request: z
      .object({
        ...positionRef,
        anchor: limitSchema(LIMITS.anchor),
        why: z.string().max(500),
        /** Required when the anchor is more than 50 % away from the last price (see position.previewAnchor). */
        confirmed: z.boolean().default(false),
      })
      .strict(),
    response: positionSchema,
  },
  'position.changeConfig': {
    request: z
      .object({
        ...positionRef,
        /** Replaces the position's override as a whole; null = inherit everything. */
        override: configPatchSchema.nullable().optional(),
        withholdingPct: fractionSchema.nullable().optional(),
      })
      .strict(),
    response: positionSchema,
  },
  /** The trigger prices a proposed override would give at the current anchor (the config form's preview). */
  'position.previewTriggers': {
    request: z.object({ ...positionRef, override: configPatchSchema.nullable() }).strict(),
    response: z.object({
      triggers: triggerPricesSchema.nullable(),
      message: z.string().nullable(),
      /** What these settings would do at the last known price, in words (issue 15's sanity check). */
      atLastPrice: z.string().nullable().optional(),
    }),
  },
  'position.listOrders': {
    request: z.object({ ...positionRef, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    response: z.array(orderSchema),
  },
  'position.listTrades': {
    request: z.object({ ...positionRef, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    response: z.array(tradeSchema),
  },
  'position.getChart': {
    request: z.object({ ...positionRef, limit: z.number().int().min(10).max(5000).default(1500) }).strict(),
    response: chartSchema,
  },

  // ── inputs: what a value would do before it is saved, and orders by hand (issue 15) ──────────
  /** A hand-set anchor against the last known price: distance, trigger prices, what it would trade. */
  'position.previewAnchor': { request: previewAnchorRequest, response: anchorPreviewSchema },
  /** Checks the symbol and says what the first evaluation would buy at today's price, and when. */
  'position.previewNewPosition': { request: previewNewPositionRequest, response: newPositionPreviewSchema },
  /** Rebalance to the target stock share now: an order through the normal path, filled by the worker. */
  'position.rebalanceNow': { request: z.object(positionRef).strict(), response: manualOrderResultSchema },
  /** Deletes a position that never traded (no order, no dividend); its events stay in the log. */
  'position.deletePosition': {
    request: z.object({ ...positionRef, why }).strict(),
    response: z.object({ id: idSchema }),
  },

  // ── order desk: the manual order ticket, cancel, evaluate now (issue 15, ADRs 0061–0063) ────
  /** The ticket at the last known price: cost, commission, the stock share after; refused in user units. */
  'position.previewOrder': { request: orderTicketRequest, response: orderTicketPreviewSchema },
  /** Buys or sells N shares at market through the normal order path (reason `manual_order`). */
  'position.placeOrder': { request: placeOrderRequest, response: placedOrderSchema },
  /** Cancels an open order the worker has not claimed (CANCELLED, its intent DONE, OrderCancelled). */
  'position.cancelOrder': { request: cancelOrderRequest, response: cancelledOrderSchema },
  /** Evaluates one position now under its own manual tick id; says what it decided, in words. */
  'position.evaluateNow': { request: z.object(positionRef).strict(), response: positionEvaluatedSchema },

  // ── timeline ────────────────────────────────────────────────────────────────────────────────
  /** A page of a position's evaluations, newest first (server-side paging for 100 000+ events). */
  'timeline.listEvaluations': { request: listEvaluationsRequest, response: evaluationPageSchema },

  // ── trading (the live loop) ─────────────────────────────────────────────────────────────────
  'trading.getStatus': { request: emptyRequest, response: tradingStatusSchema },
  'trading.pauseTrading': { request: emptyRequest, response: tradingStatusSchema },
  'trading.resumeTrading': { request: emptyRequest, response: tradingStatusSchema },
  'trading.evaluateNow': { request: emptyRequest, response: evaluateNowResultSchema },

  // ── dividends ───────────────────────────────────────────────────────────────────────────────
  'dividend.getOverview': { request: emptyRequest, response: dividendOverviewSchema },

  // ── simulation ──────────────────────────────────────────────────────────────────────────────
  'simulation.getDataset': { request: emptyRequest, response: datasetSchema },
  'simulation.startSimulation': { request: startSimulationRequest, response: runInfoSchema },
  'simulation.cancelSimulation': { request: z.object({ runId: idSchema }).strict(), response: runInfoSchema },
  'simulation.listRuns': { request: emptyRequest, response: z.array(runInfoSchema) },
  'simulation.getRun': { request: z.object({ runId: idSchema }).strict(), response: getRunResponse },
  // ── simulation inputs (issue 15, ADR 0064) ──
  /** The history sources a run may read, with their intervals and the symbols each has. */
  'simulation.listSources': { request: emptyRequest, response: historySourcesSchema },
  /** Imports a CSV of bars (and dividends) for a symbol: all or nothing, bad lines named. */
  'simulation.importCsv': { request: importCsvRequest, response: csvImportedSchema },

  // ── event log ───────────────────────────────────────────────────────────────────────────────
  'eventLog.listEvents': { request: listEventsRequest, response: eventPageSchema },
  'eventLog.verifyChain': { request: emptyRequest, response: chainStatusSchema },

  // ── reports (written by main: the path comes from a save dialog, never from the page) ───────
  'report.exportSimulation': {
    request: z.object({ runId: idSchema, format: exportFormatSchema }).strict(),
    response: exportedFileSchema,
  },
  'report.exportEvents': {
    request: z.object({ filter: eventFilterSchema.default({}), format: z.enum(['csv', 'json']) }).strict(),
    response: exportedFileSchema,
  },

  // ── backup ──────────────────────────────────────────────────────────────────────────────────
  /** A consistent copy of the database taken while trading runs (SQLite online backup). */
  'backup.createBackup': { request: emptyRequest, response: exportedFileSchema },
  /** The backups in the data folder's `backups/`, newest first, and the restore staged, if any. */
  'backup.listBackups': { request: emptyRequest, response: backupListSchema },
  /** Verifies a backup of `backups/` now and stages it; it replaces the database at the next start. */
  'backup.stageRestore': { request: stageRestoreRequest, response: stagedRestoreSchema },

  // ── settings ────────────────────────────────────────────────────────────────────────────────
  'settings.getSettings': { request: emptyRequest, response: settingsSchema },
  'settings.updateSettings': { request: preferencesPatchSchema, response: settingsSchema },

  // ── accounting (SPEC 8, issue 16) ───────────────────────────────────────────────────────────
  /** Open lots (valued now, with their tax basis) and realised trades of every position, or one. */
  'accounting.listLots': {
    request: z.object({ positionId: idSchema.optional() }).strict(),
    response: z.array(positionLotsSchema),
  },
  /** Returns against the benchmark, drawdown, monthly returns, round trips, contribution. */
  'accounting.getPerformance': { request: performanceRequest, response: performanceSchema },
  /** The Dashboard's money figures: value, today's change, P&L, dividends, returns vs the benchmark. */
  'accounting.getDashboardFigures': {
    request: z.object({ portfolioId: idSchema.nullable().default(null) }).strict(),
    response: dashboardFiguresSchema,
  },
  'accounting.getTaxReport': {
    request: z.object({ year: taxYearRequest }).strict(),
    response: taxReportSchema,
  },
  'accounting.getSettings': {
    request: z.object({ portfolioId: idSchema }).strict(),
    response: accountingSettingsSchema,
  },
  /** Lot method, benchmark and the optional day-trade limit of a portfolio (a ConfigChanged event). */
  'accounting.updateSettings': {
    request: z.object({ portfolioId: idSchema, settings: accountingSettingsSchema }).strict(),
    response: accountingSettingsSchema,
  },
  /** The tax report of a year as CSV, XLSX or PDF (main picks the file). */
  'report.exportTaxReport': {
    request: z.object({ year: taxYearRequest, format: z.enum(['csv', 'xlsx', 'pdf']) }).strict(),
    response: exportedFileSchema,
  },
  // ── strategy lab (issue 18) ─────────────────────────────────────────────────────────────────
  /** Several strategies on the same symbols, dates and capital, beside buy-and-hold (on worker threads). */
  'lab.compareStrategies': { request: compareRequestSchema, response: compareResultSchema },
  /** The last comparison as a report file (main picks the path). */
  'lab.exportCompare': {
    request: z.object({ format: exportFormatSchema }).strict(),
    response: exportedFileSchema,
  },
  // ── settings › trading, dead letters, dividends by hand (issue 15 "every setting reachable") ──
  /** Commission rates (global, account, per symbol), paper slippage, price policy and withholding. */
  'settings.getTrading': { request: emptyRequest, response: tradingSettingsSchema },
  /** Sets a commission rate at one level (SPEC 2.7); orders already created keep their snapshot. */
  'settings.setCommissionRate': { request: setCommissionRateRequest, response: tradingSettingsSchema },
  /** Removes the account or a per-symbol rate: the level above applies again. */
  'settings.removeCommissionRate': { request: removeCommissionRateRequest, response: tradingSettingsSchema },
  /** Paper slippage; price policy and default withholding of every portfolio. */
  'settings.updateTrading': { request: updateTradingRequest, response: tradingSettingsSchema },
  /** Dead intents not yet handled, newest first (SPEC 4.2 dead-letter queue). */
  'deadLetter.listDeadLetters': { request: emptyRequest, response: z.array(deadLetterSchema) },
  /** Places the order again as a new order and intent (the worker re-prices it on drift). */
  'deadLetter.requeueDeadLetter': {
    request: deadLetterActionRequest,
    response: z.object({ orderId: idSchema, intentId: idSchema }),
  },
  'deadLetter.discardDeadLetter': {
    request: deadLetterActionRequest,
    response: z.object({ intentId: idSchema }),
  },
  /** Every strategy setting with its label, unit, rule and default: drives the defaults and override forms. */
  'settings.getStrategyFields': { request: emptyRequest, response: z.array(strategyFieldSchema) },
  /** A dividend the provider missed: processed by the same dividend job (SPEC 4.3). */
  'dividend.recordDividend': { request: recordDividendRequest, response: recordedDividendSchema },

  // ── risk (SPEC 9, issue 17) ──
  /** Today's VaR/CVaR, P&L distribution, correlation, component VaR, stress tests and limits. */
  'risk.getReport': { request: riskReportRequest, response: riskReportSchema },
  /** The alert list: risk alerts' crossings, and the risk manager's exits and halts, newest first. */
  'risk.listAlerts': { request: riskAlertsRequest, response: riskAlertListSchema },
  // ── risk manager: halts and resume (SPEC 9, issue 17) ──
  /** Every portfolio's trading state: halted by the circuit breaker, no buys today, or trading. */
  'risk.haltStatus': { request: emptyRequest, response: z.array(portfolioHaltSchema) },
  /** Resumes a portfolio the circuit breaker halted (TradingResumed); answers the states after it. */
  'risk.resume': { request: resumeTradingRequest, response: z.array(portfolioHaltSchema) },
} as const;

/** Facts main pushes to every window (and every loopback WebSocket). */
export const pushes = {
  'evaluation.recorded': evaluationRecordedSchema,
  'order.filled': orderFilledSchema,
  'order.rejected': orderRejectedSchema,
  'intent.deadLettered': intentDeadLetteredSchema,
  'tick.completed': tickSummarySchema,
  'trading.statusChanged': tradingStatusSchema,
  'provider.healthChanged': z.array(providerHealthSchema),
  'eventLog.appended': eventsAppendedSchema,
  'notification.posted': notificationSchema,
  'simulation.progressed': simulationProgressedSchema,
  'simulation.finished': simulationFinishedSchema,
  'settings.changed': preferencesSchema,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the renderer sends (defaults not yet applied). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export type Pushes = typeof pushes;
export type Push = keyof Pushes;
export type PushPayloadOf<P extends Push> = z.output<Pushes[P]>;

export type { IpcResult, IpcFailure, IpcErrorCode, IpcIssue } from './result';
