import { useState } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { ProviderSwitchNote } from '../../components/ProviderSwitchNote';
import { navigate } from '../../app/useRoute';
import { useAppStore } from '../../stores/appStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore } from '../../stores/positionsStore';
import { useSettingsStore } from '../../stores/settingsStore';

/** First run: no portfolio yet. The offline demo needs nothing; live data needs the network. */
export function FirstRunPage() {
  const creatingDemo = useAppStore((s) => s.creatingDemo);
  const demoError = useAppStore((s) => s.demoError);
  const marketData = useAppStore((s) => s.status?.marketData);
  const settings = useSettingsStore((s) => s.settings);
  const [name, setName] = useState('My portfolio');
  const [nameError, setNameError] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);

  const afterCreate = async () => {
    await Promise.all([
      useAppStore.getState().load(),
      usePositionsStore.getState().load(),
      usePortfolioStore.getState().load(),
    ]);
  };

  const createDemo = async () => {
    if (await useAppStore.getState().createDemo()) {
      await afterCreate();
      navigate('#/dashboard');
    }
  };

  const createEmpty = async () => {
    setCreating(true);
    const r = await usePortfolioStore.getState().create(name);
    setCreating(false);
    if (!r.ok) return setNameError(r.issues[0]?.message ?? r.message);
    await afterCreate();
    navigate('#/positions');
  };

  return (
    <div className="welcome">
      <div>
        <h1>Welcome to Volatility Balancing</h1>
        <p className="muted">
          Each position is one stock plus the cash set aside for it. When the price falls far enough below the
          position’s anchor it buys, when it rises far enough above it sells, and every decision — HOLD
          included — is written to an append-only log.
        </p>
        <p className="note" data-testid="paper-note">
          <strong>Trading is on paper.</strong> Orders fill against market quotes inside this app: no broker
          is involved and no real money moves. A new position makes its first buy at the first tick with the
          market open (every 5 minutes), to reach its initial stock share.
        </p>
      </div>
      <div className="grid cols-2">
        <Card title="Try the demo — no network needed">
          <div className="choice">
            <p className="muted">
              A portfolio of AAPL, KO, MSFT and JPM with $25,000 each, trading on the bundled real history of
              February–March 2020, replayed on a virtual clock: a 5-minute tick every second, with nights and
              weekends skipped. The first buys come within a minute; it has its own database (demo.db).
            </p>
            {marketData !== 'demo' && (
              <p className="banner warn small">
                The backend runs on live data; the demo portfolio will trade on live quotes.
              </p>
            )}
            {demoError && (
              <p className="banner error" role="alert">
                {demoError}
              </p>
            )}
            <Button variant="primary" busy={creatingDemo} onClick={() => void createDemo()}>
              Create the demo portfolio
            </Button>
          </div>
        </Card>
        <Card title="Start with your own portfolio">
          <div className="choice">
            <p className="muted">
              Create an empty portfolio and add positions. For live quotes from Yahoo Finance, choose the
              Yahoo provider
              {settings?.capabilities.nativeDialogs
                ? ''
                : ' (in the headless backend: start it with --provider yahoo)'}
              .
            </p>
            <Field label="Portfolio name" error={nameError}>
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
            </Field>
            <div className="row">
              <Button busy={creating} onClick={() => void createEmpty()}>
                Create portfolio
              </Button>
              <Button
                variant="ghost"
                disabled={settings?.preferences.provider === 'yahoo'}
                onClick={() => void useSettingsStore.getState().update({ provider: 'yahoo' })}
              >
                {settings?.preferences.provider === 'yahoo'
                  ? 'Live Yahoo data chosen'
                  : 'Use live Yahoo data'}
              </Button>
            </div>
            {settings?.preferences.provider === 'yahoo' && marketData === 'demo' ? (
              <ProviderSwitchNote from="demo" to="yahoo" />
            ) : (
              settings?.pendingRestart && <p className="banner warn small">{settings.pendingRestart}</p>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
