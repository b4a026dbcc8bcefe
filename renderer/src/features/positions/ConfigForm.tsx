import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConfigPatch } from '../../../../shared/ipc/dto/config';
import type { PositionDto, TriggerPricesDto } from '../../../../shared/ipc/dto/ledger';
import { Loading } from '../../components/States';
import { price, trigger } from '../../lib/format';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore } from '../../stores/positionsStore';
import { useTradingSettingsStore } from '../../stores/tradingSettingsStore';
import { StrategyForm, type StrategyPatch } from '../settings/StrategyForm';
import { valuesOf } from '../settings/strategyFieldText';

const asOverride = (patch: StrategyPatch): ConfigPatch | null =>
  Object.keys(patch).length === 0 ? null : (patch as ConfigPatch);

/**
 * A position's own settings over its portfolio's (every field of the strategy, ADR 0086): the shared
 * StrategyForm in override mode, with a live preview of the trigger prices they give at the current
 * anchor (computed by main with the trigger's own formula).
 */
export function ConfigForm({ position, onDone }: { position: PositionDto; onDone?: () => void }) {
  const fields = useTradingSettingsStore((s) => s.fields);
  const portfolio = usePortfolioStore((s) => s.portfolios.find((p) => p.id === position.portfolioId));
  const busy = usePositionsStore((s) => s.busy[position.id]);
  const [preview, setPreview] = useState<{
    triggers: TriggerPricesDto | null;
    message: string | null;
    atLastPrice?: string | null;
  } | null>(null);
  useEffect(() => {
    void useTradingSettingsStore.getState().loadFields();
    if (!usePortfolioStore.getState().loaded) void usePortfolioStore.getState().load();
  }, []);
  const own = useMemo(
    () => (fields ? valuesOf(fields, position.configOverride) : {}),
    [fields, position.configOverride],
  );
  // What the position inherits: its portfolio's settings (the effective ones until the portfolio is loaded).
  const inherited = useMemo(
    () => (fields ? valuesOf(fields, portfolio?.config ?? position.effectiveConfig) : {}),
    [fields, portfolio, position.effectiveConfig],
  );
  const onDraft = useCallback(
    (patch: StrategyPatch | null) => {
      if (patch === null) {
        setPreview({ triggers: null, message: 'Fix the fields to see the trigger prices.' });
        return;
      }
      void usePositionsStore.getState().previewTriggers(position.id, asOverride(patch)).then(setPreview);
    },
    [position.id],
  );
  if (!fields) return <Loading />;
  return (
    <StrategyForm
      fields={fields}
      mode="override"
      inherited={inherited}
      own={own}
      label={`Settings of ${position.symbol}`}
      busy={busy !== undefined}
      onDraft={onDraft}
      {...(onDone ? { onCancel: onDone } : {})}
      onSave={async (patch) => {
        const r = await usePositionsStore.getState().changeConfig(position.id, asOverride(patch));
        if (r.ok) onDone?.();
        return r.ok ? { ok: true } : { ok: false, message: r.message, issues: r.issues };
      }}
      extra={
        <div className="wide banner" aria-live="polite" data-testid="trigger-preview">
          {preview?.triggers ? (
            <>
              At anchor <strong>{price(preview.triggers.anchor)}</strong>: buys at or below{' '}
              <strong className="buy">{trigger(preview.triggers.buyBelow, 'buy')}</strong>, sells at or above{' '}
              <strong className="sell">{trigger(preview.triggers.sellAbove, 'sell')}</strong>.
            </>
          ) : (
            <span className="muted">{preview?.message ?? 'Computing the trigger prices…'}</span>
          )}
          {preview?.atLastPrice && <div className="small">{preview.atLastPrice}</div>}
        </div>
      }
    />
  );
}
