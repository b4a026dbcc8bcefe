import { z } from 'zod';
import {
  ExecutionConfigSchema,
  GuardrailConfigSchema,
  OrderPolicyConfigSchema,
  SizingConfigSchema,
  StrategyConfigSchema,
  TriggerConfigSchema,
} from '../../domain/Config';
import { RiskConfigSchema } from '../../domain/risk/RiskConfig';

/**
 * Strategy settings cross IPC with the domain's own schemas (shared/domain/Config): one source of
 * validation for the config store, the CLI and the UI. A patch or override is any subset of fields of
 * any section; the ledger checks the merged config again (cross-field rules such as min ≤ max).
 */
export const strategyConfigSchema = StrategyConfigSchema;

export const configPatchSchema = z
  .object({
    trigger: z.object(TriggerConfigSchema.shape).partial().strict(),
    sizing: z.object(SizingConfigSchema.shape).partial().strict(),
    guardrails: z.object(GuardrailConfigSchema.shape).partial().strict(),
    orderPolicy: z.object(OrderPolicyConfigSchema.shape).partial().strict(),
    execution: z.object(ExecutionConfigSchema.shape).partial().strict(),
    risk: RiskConfigSchema.partial().strict(),
  })
  .partial()
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;
