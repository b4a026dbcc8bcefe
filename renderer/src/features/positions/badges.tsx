import { Badge } from '../../components/Card';

export function StatusBadge({ status }: { status: 'ACTIVE' | 'PAUSED' | 'CLOSED' }) {
  return (
    <Badge tone={status === 'ACTIVE' ? 'ok' : status === 'PAUSED' ? 'warn' : 'neutral'}>
      {status.toLowerCase()}
    </Badge>
  );
}

export function ActionBadge({ action }: { action: 'HOLD' | 'BUY' | 'SELL' | 'SKIP' | 'REJECTED' }) {
  const tone =
    action === 'BUY' ? 'buy' : action === 'SELL' ? 'sell' : action === 'REJECTED' ? 'danger' : 'neutral';
  return <Badge tone={tone}>{action}</Badge>;
}
