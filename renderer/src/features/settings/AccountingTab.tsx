import { useEffect } from 'react';
import { Empty, Loading } from '../../components/States';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { AccountingSettingsCard } from '../performance/AccountingSettingsCard';

/** Settings › Accounting (SPEC 8, issue 16): each portfolio's lot method, benchmark and day-trade limit. */
export function AccountingTab() {
  const portfolios = usePortfolioStore((s) => s.portfolios);
  const loaded = usePortfolioStore((s) => s.loaded);
  useEffect(() => {
    if (!loaded) void usePortfolioStore.getState().load();
  }, [loaded]);
  if (!loaded) return <Loading />;
  if (portfolios.length === 0)
    return <Empty title="No portfolio yet">Accounting settings are kept per portfolio.</Empty>;
  return (
    <div className="stack">
      {portfolios.map((p) => (
        <AccountingSettingsCard key={p.id} portfolioId={p.id} title={`${p.name}: accounting`} />
      ))}
    </div>
  );
}
