import { usePortfolioStore } from '../../stores/portfolioStore';

/** Which portfolio the page shows; a plain label when there is only one. */
export function PortfolioPicker() {
  const portfolios = usePortfolioStore((s) => s.portfolios);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  if (portfolios.length === 0) return null;
  if (portfolios.length === 1) return <span className="badge info">{portfolios[0]?.name}</span>;
  return (
    <label className="row small">
      <span className="muted">Portfolio</span>
      <select
        className="input"
        style={{ width: 'auto' }}
        value={selectedId ?? ''}
        onChange={(e) => usePortfolioStore.getState().select(e.target.value)}
      >
        {portfolios.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
