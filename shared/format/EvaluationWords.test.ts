import { describe, expect, it } from 'vitest';
import type { EvaluationPayload } from '../domain/DomainEvent';
import { describeEvaluation, evaluationHeadline, evaluationWhy } from './EvaluationWords';

const base: EvaluationPayload = {
  session: 'REGULAR',
  pricePolicy: 'MID',
  priceEffective: 96.5,
  priceSource: 'mid',
  priceFallback: null,
  quote: { bid: 96.49, ask: 96.51, last: 96.5, ts: 0 },
  trigger: {
    kind: 'BUY',
    anchor: 100,
    buyBelow: 97,
    sellAbove: 103,
    distanceToBuy: -0.005,
    distanceToSell: 0.067,
  },
  rawQty: 267.5,
  finalQty: 83,
  reasons: ['band_trim', 'qty_rounded'],
  steps: [],
  action: 'BUY',
  orderId: null,
  deltas: null,
  detail: null,
};

describe('evaluations in words, decision first', () => {
  const rows: { name: string; payload: EvaluationPayload; text: string }[] = [
    {
      name: 'a trimmed buy names its trigger before the trims and the rounding',
      payload: base,
      text: 'BUY 83 at $96.50 — price at or below the buy trigger $97.00 (anchor $100.00); trimmed to stay inside the allocation band; quantity rounded to the step/lot',
    },
    {
      name: 'a sell',
      payload: {
        ...base,
        priceEffective: 103.2,
        trigger: { ...base.trigger!, kind: 'SELL' },
        finalQty: 1234,
        reasons: [],
        action: 'SELL',
      },
      text: 'SELL 1,234 at $103.20 — price at or above the sell trigger $103.00 (anchor $100.00)',
    },
    {
      name: 'a hold inside the band says where the band is',
      payload: {
        ...base,
        priceEffective: 98.5,
        trigger: { ...base.trigger!, kind: 'HOLD' },
        finalQty: 0,
        reasons: ['no_trigger'],
        action: 'HOLD',
      },
      text: 'HOLD at $98.50 — inside the trigger band (buy at or below $97.00, sell at or above $103.00)',
    },
    {
      name: 'a blocked buy',
      payload: {
        ...base,
        priceEffective: 95,
        finalQty: 0,
        reasons: ['band_blocked_above_max'],
        action: 'HOLD',
      },
      text: 'HOLD at $95.00 — price at or below the buy trigger $97.00 (anchor $100.00); blocked: stock allocation already at or above the maximum',
    },
    {
      name: 'the initial allocation',
      payload: {
        ...base,
        priceEffective: 80.71,
        trigger: { ...base.trigger!, kind: 'SET_ANCHOR', anchor: null, buyBelow: null, sellAbove: null },
        finalQty: 154,
        reasons: ['anchor_unset'],
        detail: 'initial allocation',
      },
      text: 'BUY 154 at $80.71 — initial allocation (the anchor is not set yet)',
    },
    {
      name: 'a closed market',
      payload: {
        ...base,
        session: 'CLOSED',
        priceEffective: null,
        quote: null,
        trigger: null,
        finalQty: 0,
        reasons: ['market_closed'],
        action: 'HOLD',
      },
      text: 'HOLD — market closed',
    },
    {
      name: 'extended hours not allowed',
      payload: {
        ...base,
        session: 'EXTENDED',
        priceEffective: null,
        quote: null,
        trigger: null,
        finalQty: 0,
        reasons: ['market_closed'],
        action: 'HOLD',
      },
      text: 'HOLD — extended hours (trading them is off)',
    },
    {
      name: 'a provider error',
      payload: {
        ...base,
        priceEffective: null,
        quote: null,
        trigger: null,
        finalQty: 0,
        reasons: ['provider_error'],
        action: 'HOLD',
      },
      text: 'HOLD — market-data provider failed or timed out',
    },
    {
      name: 'a float-noise price is shown to the cent',
      payload: {
        ...base,
        priceEffective: 167.77000427246094,
        trigger: { ...base.trigger!, kind: 'HOLD' },
        finalQty: 0,
        reasons: ['no_trigger'],
        action: 'HOLD',
      },
      text: 'HOLD at $167.77 — inside the trigger band (buy at or below $97.00, sell at or above $103.00)',
    },
  ];
  it.each(rows)('$name', ({ payload, text }) => {
    expect(describeEvaluation(payload)).toBe(text);
    expect(
      `${evaluationHeadline(payload)}${evaluationWhy(payload).length > 0 ? ' — ' : ''}${evaluationWhy(payload).join('; ')}`,
    ).toBe(text);
  });
});
