import { create } from 'zustand';
import type { NotificationDto } from '../../../shared/ipc/dto/events';

export interface Toast extends NotificationDto {
  id: number;
}

/** Keeps the last few; older ones drop off. */
const MAX_TOASTS = 3;

interface ToastState {
  toasts: Toast[];
  add(notification: NotificationDto): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** In-app notifications (fills, rejections, dead intents, provider outages), beside the desktop ones. */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  add(notification) {
    set({ toasts: [{ ...notification, id: nextId++ }, ...get().toasts].slice(0, MAX_TOASTS) });
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
