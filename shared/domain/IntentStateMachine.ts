import { IllegalTransitionError } from './OrderStateMachine';

/**
 * The durable queue's lifecycle (SPEC 4.2): QUEUED → PROCESSING → DONE, or FAILED (retried after a
 * backoff: FAILED → PROCESSING) and DEAD (the dead-letter queue) once the attempts are used up. A
 * PROCESSING intent whose lease expired (a crashed worker) goes back to QUEUED.
 */
export type IntentState = 'QUEUED' | 'PROCESSING' | 'DONE' | 'FAILED' | 'DEAD';

const INTENT_TRANSITIONS: Readonly<Record<IntentState, readonly IntentState[]>> = {
  // → DONE from QUEUED or FAILED: the investor cancelled its order before a worker claimed it (ADR 0062).
  QUEUED: ['PROCESSING', 'DONE'],
  PROCESSING: ['DONE', 'FAILED', 'DEAD', 'QUEUED'],
  FAILED: ['PROCESSING', 'DONE'],
  DONE: [],
  DEAD: [],
};

export const IntentStateMachine = {
  canTransition(from: IntentState, to: IntentState): boolean {
    return INTENT_TRANSITIONS[from].includes(to);
  },
  /** Returns `to`, or throws {@link IllegalTransitionError}. */
  transition(from: IntentState, to: IntentState): IntentState {
    if (!INTENT_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError('intent', from, to);
    return to;
  },
  /** States a worker may claim. */
  isClaimable(state: IntentState): boolean {
    return INTENT_TRANSITIONS[state].includes('PROCESSING');
  },
  isTerminal(state: IntentState): boolean {
    return INTENT_TRANSITIONS[state].length === 0;
  },
  transitions(): readonly (readonly [IntentState, IntentState])[] {
    return (Object.keys(INTENT_TRANSITIONS) as IntentState[]).flatMap((from) =>
      INTENT_TRANSITIONS[from].map((to) => [from, to] as const),
    );
  },
};
