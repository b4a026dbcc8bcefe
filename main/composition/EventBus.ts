import type { Logger } from '../../shared/ports/Logger';
import type { BackendEvent, BackendEventBus } from './Backend';

/** The backend's push channel: synchronous fan-out; a listener that throws is logged and kept. */
export class EventBus implements BackendEventBus {
  private readonly listeners = new Set<(event: BackendEvent) => void>();

  constructor(private readonly logger: Logger) {}

  subscribe(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(event: BackendEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error('backend event listener threw', { type: event.type, error: String(err) });
      }
    }
  }
}
