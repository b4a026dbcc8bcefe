import { z } from 'zod';
import {
  ExecutionConfigSchema,
  GuardrailConfigSchema,
  OrderPolicyConfigSchema,
  SizingConfigSchema,
  TriggerConfigSchema,
} from '../../domain/Config';
import { exact } from '../../domain/ExactDecimal';
import { fail, ok, type Result } from './Result';

/** Parses untrusted input (IPC, CLI, files) into the use case's input, or a readable validation failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('validation', describeIssues(parsed.error));
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.path.length === 0) {
        return issue.code === 'invalid_type'
          ? 'the request must be an object with the documented fields'
          : issue.message;
      }
      // Our messages already start with the field's name ("amount must be …"); zod's own do not.
      const field = String(issue.path.at(-1));
      return issue.message.startsWith(field) ? issue.message : `${issue.path.join('.')}: ${issue.message}`;
    })
    .join('; ');
}

export const idSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string id` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(64, `${what} is too long`);

/** Largest amount a single request may move: far above any real need, far below 2^53 cents. */
const MAX_DOLLARS = 1e12;

function hasAtMostDecimals(value: number, places: number): boolean {
  return exact(value).decimalPlaces() <= places;
}

/** A dollar amount with at most 2 decimals; `positive` excludes 0. */
export function dollarsSchema(what: string, opts: { positive: boolean }) {
  const kind = opts.positive ? 'a positive' : 'a non-negative';
  const message = `${what} must be ${kind} number of dollars with at most 2 decimals`;
  return z
    .number({ error: message })
    .refine((v) => (opts.positive ? v > 0 : v >= 0) && v <= MAX_DOLLARS && hasAtMostDecimals(v, 2), {
      message,
    });
}

export const sharesSchema = (what: string) => {
  const message = `${what} must be a non-negative number of shares with at most 6 decimals`;
  return z
    .number({ error: message })
    .refine((v) => v >= 0 && v <= 1e12 && hasAtMostDecimals(v, 6), { message });
};

export const priceSchema = (what: string) => {
  const message = `${what} must be a positive price`;
  return z.number({ error: message }).refine((v) => v > 0 && v < 1e12, { message });
};

export const fractionSchema = (what: string) => {
  const message = `${what} must be a fraction between 0 and 1 (0.5 = 50 %)`;
  return z.number({ error: message }).min(0, message).max(1, message);
};

export const symbolSchema = z
  .string({ error: 'symbol must be a string' })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9.\-^=]{0,14}$/,
    'symbol must be 1–15 letters or digits (also . - ^ =), e.g. AAPL or BRK.B',
  );

export const actorSchema = z
  .string({ error: 'by must be a string naming who acts' })
  .trim()
  .min(1, 'by must name who acts')
  .max(100, 'by is too long');

export const reasonSchema = z.string({ error: 'why must be a string' }).trim().max(500, 'why is too long');

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
  })
  .partial()
  .strict();
