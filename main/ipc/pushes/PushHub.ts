import type { z } from 'zod';
import { pushes, type Push, type PushPayloadOf } from '../../../shared/ipc/contract';

export interface PushPublisher {
  publish<P extends Push>(push: P, payload: PushPayloadOf<P>): void;
}

/** Where pushes go: the Electron window(s), the loopback WebSocket clients, the tray. */
export type PushSink = (push: Push, payload: unknown) => void;

export interface PushHub extends PushPublisher {
  subscribe(sink: PushSink): () => void;
}

/**
 * Fans pushes out to every sink. Each payload is checked against its schema first: an invalid one is
 * a bug in main, logged and never sent. A sink that throws is logged and does not stop the others
 * (backend listeners must not throw).
 */
export function createPushHub(log: (message: string, detail?: unknown) => void = console.error): PushHub {
  const sinks = new Set<PushSink>();
  return {
    publish(push, payload) {
      const checked = (pushes[push] as z.ZodType).safeParse(payload);
      if (!checked.success) {
        log(`push ${push} dropped: its payload does not match the contract`, checked.error.issues);
        return;
      }
      for (const sink of sinks) {
        try {
          sink(push, checked.data);
        } catch (err) {
          log(`push ${push}: a sink failed`, err);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
