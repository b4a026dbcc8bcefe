import { useEffect } from 'react';
import { useToastStore, type Toast } from '../stores/toastStore';
import { Button } from './Button';

/** How long a toast stays (failures stay until dismissed). */
const TOAST_MS = 8000;

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((s) => s.dismiss);
  const sticky =
    toast.kind === 'deadIntent' ||
    toast.kind === 'providerDown' ||
    toast.kind === 'ledgerCheckFailed' ||
    toast.kind === 'restoreRefused';
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, sticky, dismiss]);
  return (
    <div className={`toast ${toast.kind}`} role={sticky ? 'alert' : 'status'} data-testid="toast">
      <span className="title">{toast.title}</span>
      <Button small variant="ghost" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        ✕
      </Button>
      <span className="body">{toast.body}</span>
    </div>
  );
}
