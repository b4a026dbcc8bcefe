import { useEffect, useMemo } from 'react';
import type { ConfigPatch } from '../../../../shared/ipc/dto/config';
import { Card } from '../../components/Card';
import { ErrorBanner, Loading } from '../../components/States';
import { PortfolioPicker } from '../positions/PortfolioPicker';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useTradingSettingsStore } from '../../stores/tradingSettingsStore';
import { StrategyForm } from './StrategyForm';
import { fieldId, valuesOf } from './strategyFieldText';

/**
 * Settings › Strategy defaults: every strategy setting of a portfolio, the defaults of its positions
 * (a position overrides any of them under Positions › Settings). Each changed section is one
 * ConfigChanged with its old and new values.
 */
export function StrategyDefaultsTab() {
  const fields = useTradingSettingsStore((s) => s.fields);
  const error = useTradingSettingsStore((s) => s.error);
  const portfolios = usePortfolioStore((s) => s.portfolios);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const portfolio = portfolios.find((p) => p.id === selectedId) ?? portfolios[0];
  useEffect(() => {
    void useTradingSettingsStore.getState().loadFields();
    if (!usePortfolioStore.getState().loaded) void usePortfolioStore.getState().load();
  }, []);
  const own = useMemo(
    () => (fields && portfolio ? valuesOf(fields, portfolio.config) : {}),
    [fields, portfolio],
  );
  const defaults = useMemo(
    () => Object.fromEntries((fields ?? []).map((f) => [fieldId(f), f.defaultValue])),
    [fields],
  );
  if (!fields) return error ? <ErrorBanner message={error} /> : <Loading />;
  if (!portfolio)
    return (
      <Card title="Strategy defaults">
        <p className="empty">No portfolio yet: create one under Positions first.</p>
      </Card>
    );
  return (
    <Card title={`Strategy defaults of ${portfolio.name}`} actions={<PortfolioPicker />}>
      <p className="small muted">
        Every position of this portfolio trades with these settings unless it overrides them. Changed settings
        are marked; “reset to default” puts back the value the specification recommends.
      </p>
      <StrategyForm
        key={portfolio.id}
        fields={fields}
        mode="defaults"
        inherited={defaults}
        own={own}
        label={`Strategy defaults of ${portfolio.name}`}
        onSave={async (patch) => {
          if (Object.keys(patch).length === 0) return { ok: true };
          const r = await usePortfolioStore.getState().changeConfig(portfolio.id, patch as ConfigPatch);
          return r.ok ? { ok: true } : { ok: false, message: r.message, issues: r.issues };
        }}
      />
    </Card>
  );
}
