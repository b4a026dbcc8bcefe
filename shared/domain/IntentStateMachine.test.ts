import { describe, expect, it } from 'vitest';
import { INTENT_STATUSES, type IntentStatus } from '../ports/OrderIntentRepository';
import { IntentStateMachine, type IntentState } from './IntentStateMachine';
import { IllegalTransitionError } from './OrderStateMachine';

const ALL: readonly IntentState[] = ['QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD'];

describe('IntentStateMachine', () => {
  it('names the same states as the queue repository', () => {
    expect([...ALL].sort()).toEqual([...INTENT_STATUSES].sort());
    const fromPort: IntentState = 'QUEUED' as IntentStatus;
    const toPort: IntentStatus = 'QUEUED' as IntentState;
    expect(fromPort).toBe(toPort);
  });

  it.each([
    ['QUEUED', 'PROCESSING', 'claimed'],
    ['PROCESSING', 'DONE', 'filled, rejected or cancelled'],
    ['PROCESSING', 'FAILED', 'failed, retried after a backoff'],
    ['PROCESSING', 'DEAD', 'failed for the last time'],
    ['PROCESSING', 'QUEUED', 'lease expired (crashed worker)'],
    ['FAILED', 'PROCESSING', 'retry claimed'],
    ['QUEUED', 'DONE', 'its order cancelled by hand before a claim'],
    ['FAILED', 'DONE', 'its order cancelled by hand between retries'],
  ] as const)('allows %s → %s (%s)', (from, to, _why) => {
    expect(IntentStateMachine.transition(from, to)).toBe(to);
  });

  it('refuses every other move', () => {
    const legal = new Set(IntentStateMachine.transitions().map(([f, t]) => `${f}>${t}`));
    expect(legal.size).toBe(8);
    for (const from of ALL) {
      for (const to of ALL) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(() => IntentStateMachine.transition(from, to)).toThrow(IllegalTransitionError);
      }
    }
  });

  it('claims only QUEUED and FAILED; DONE and DEAD are final', () => {
    expect(ALL.filter((s) => IntentStateMachine.isClaimable(s))).toEqual(['QUEUED', 'FAILED']);
    expect(ALL.filter((s) => IntentStateMachine.isTerminal(s))).toEqual(['DONE', 'DEAD']);
  });
});
