import type { z } from 'zod';
import type { StrategyConfigOverride } from '../domain/Config';
import type { EvaluationPayload } from '../domain/DomainEvent';
import type { PerformanceMetrics } from '../domain/metrics';
import type { ProviderHealth } from '../ports/MarketData';
import type { Notification } from '../ports/Notifier';
import type { configPatchSchema } from './dto/config';
import type { evaluationPayloadSchema, notificationSchema } from './dto/events';
import type { metricsSchema } from './dto/simulation';
import type { providerHealthSchema } from './dto/trading';

/**
 * Compile-time proof that the schemas which mirror domain types agree with them (STYLE habit 1):
 * `npm run typecheck` fails here when either side changes without the other. No runtime code.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type EvaluationPayloadAgrees = Assert<
  Equals<z.infer<typeof evaluationPayloadSchema>, EvaluationPayload>
>;
export type ProviderHealthAgrees = Assert<Equals<z.infer<typeof providerHealthSchema>, ProviderHealth>>;
export type MetricsAgree = Assert<Equals<z.infer<typeof metricsSchema>, PerformanceMetrics>>;
export type ConfigPatchAgrees = Assert<
  z.infer<typeof configPatchSchema> extends StrategyConfigOverride ? true : false
>;
export type NotificationAgrees = Assert<
  Equals<z.infer<typeof notificationSchema>, Omit<Notification, 'tenantId'>>
>;
