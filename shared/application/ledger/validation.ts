import { z } from 'zod';
import {
  ExecutionConfigSchema,
  GuardrailConfigSchema,
  OrderPolicyConfigSchema,
  SizingConfigSchema,
  TriggerConfigSchema,
} from '../../domain/Config';
import { RiskConfigSchema } from '../../domain/risk/RiskConfig';
import { fieldWords, userMessageOf } from '../../domain/InputLimits';
import { fail, ok, type Failure, type Result } from './Result';

/** Parses untrusted input (IPC, CLI, files) into the use case's input, or a readable validation failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : validationFailure(parsed.error);
}

/**
 * A refused input as a failure: one message per field in the user's words (shared/domain/InputLimits),
 * joined for a reader, and the same messages by field for a form.
 */
export function validationFailure(error: z.ZodError, prefix: readonly string[] = []): Failure {
  const issues = fieldIssues(error, prefix);
  return fail(
    'validation',
    issues.map((i) => i.message).join('; '),
    issues.map(({ path, message }) => ({ path, message })),
  );
}

export function describeIssues(error: z.ZodError): string {
  return fieldIssues(error, [])
    .map((i) => i.message)
    .join('; ');
}

/** The first issue of each field (one message per field), with the field's path for forms. */
function fieldIssues(error: z.ZodError, prefix: readonly string[]): { path: string; message: string }[] {
  const seen = new Set<string>();
  const out: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: userMessageOf(issue) });
  }
  return out;
}

export const idSchema = (what: string) => {
  const label = fieldWords(what);
  return z
    .string({ error: `${label} must be a string id` })
    .trim()
    .min(1, `${label} must not be empty`)
    .max(64, `${label} is too long`);
};

export const symbolSchema = z
  .string({ error: 'Symbol must be text, e.g. AAPL' })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9.\-^=]{0,14}$/,
    'Symbol must be 1–15 letters or digits (also . - ^ =), e.g. AAPL or BRK.B',
  );

export const actorSchema = z
  .string({ error: 'Who acts must be text naming them' })
  .trim()
  .min(1, 'Who acts must be named')
  .max(100, 'Who acts is too long (at most 100 characters)');

export const reasonSchema = z
  .string({ error: 'Why must be text' })
  .trim()
  .max(500, 'Why is too long (at most 500 characters)');

/**
 * A per-position (or patch) override: any subset of fields of any section, each checked by the
 * section's own field schema; unknown sections or fields are refused. The whole config is checked
 * again after merging, so cross-field rules (min ≤ max, lot multiple of step) still apply.
 */
export const StrategyConfigOverrideSchema = z
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
