import { useEffect, useState, type FormEvent } from 'react';
import type { PreferencesDto } from '../../../../shared/ipc/dto/settings';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { ProviderSwitchNote } from '../../components/ProviderSwitchNote';
import { ErrorBanner, Loading } from '../../components/States';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { useAppStore } from '../../stores/appStore';
import { useSettingsStore } from '../../stores/settingsStore';
import { BackupsCard } from './BackupsCard';
import { Tabs } from '../../components/Tabs';
import { DeadLettersTab } from './DeadLettersTab';
import { StrategyDefaultsTab } from './StrategyDefaultsTab';
import { TradingTab } from './TradingTab';
import { AccountingTab } from './AccountingTab';

type SettingsTab = 'general' | 'trading' | 'strategy' | 'deadLetters' | 'accounting';
const TABS: readonly { id: SettingsTab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'trading', label: 'Trading' },
  { id: 'strategy', label: 'Strategy defaults' },
  { id: 'deadLetters', label: 'Dead letters' },
  { id: 'accounting', label: 'Accounting' },
];

/** Settings in tabs (issue 15 "every setting reachable"): General (preferences, backups), Trading, Strategy defaults, Dead letters. */
export function SettingsPage() {
  const [tab, setTab] = useState<SettingsTab>('general');
  return (
    <div className="page">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <Tabs tabs={TABS} value={tab} onChange={setTab} label="Settings" />
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
        {tab === 'general' && <GeneralTab />}
        {tab === 'trading' && <TradingTab />}
        {tab === 'strategy' && <StrategyDefaultsTab />}
        {tab === 'deadLetters' && <DeadLettersTab />}
        {tab === 'accounting' && <AccountingTab />}
      </div>
    </div>
  );
}

const NOTIFICATIONS: { key: keyof PreferencesDto['notifications']; label: string }[] = [
  { key: 'fills', label: 'Fills' },
  { key: 'rejections', label: 'Rejected orders' },
  { key: 'deadIntents', label: 'Orders that failed for good (dead letters)' },
  { key: 'providerOutages', label: 'Market-data provider outages' },
];

function GeneralTab() {
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const issues = useSettingsStore((s) => s.issues);
  const saving = useSettingsStore((s) => s.saving);
  const saved = useSettingsStore((s) => s.saved);
  const status = useAppStore((s) => s.status);
  const [draft, setDraft] = useState<PreferencesDto | null>(null);
  const [tick, setTick] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [logDir, setLogDir] = useState<string | null>(null);

  useEffect(() => {
    void useSettingsStore.getState().load();
  }, []);
  useEffect(() => {
    if (settings) {
      setDraft(settings.preferences);
      setTick(String(settings.preferences.tickIntervalMinutes));
    }
  }, [settings]);
  useEffect(() => setErrors(issuesToErrors(issues)), [issues]);

  if (!settings || !draft) {
    return (
      <div className="stack">
        {error ? (
          <ErrorBanner message={error} onRetry={() => void useSettingsStore.getState().load()} />
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const minutes = parseNumber(tick, 'Tick interval', found, 'tickIntervalMinutes');
    setErrors(found);
    if (minutes === undefined) return;
    await useSettingsStore.getState().update({ ...draft, tickIntervalMinutes: minutes });
  };

  return (
    <div className="stack">
      {error && <ErrorBanner message={error} />}
      {settings.pendingRestart && <div className="banner warn">{settings.pendingRestart}</div>}
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Preferences">
        <div className="grid cols-2">
          <Card title="Market data and the live loop">
            <div className="form">
              <fieldset className="wide">
                <legend>Provider</legend>
                <div className="stack">
                  <label className="checkbox">
                    <input
                      type="radio"
                      name="provider"
                      checked={draft.provider === 'demo'}
                      onChange={() => setDraft({ ...draft, provider: 'demo' })}
                    />
                    Demo — bundled history replayed on a virtual clock (offline)
                  </label>
                  <label className="checkbox">
                    <input
                      type="radio"
                      name="provider"
                      checked={draft.provider === 'yahoo'}
                      onChange={() => setDraft({ ...draft, provider: 'yahoo' })}
                    />
                    Yahoo Finance — live quotes (needs the network)
                  </label>
                  <ProviderSwitchNote from={settings.preferences.provider} to={draft.provider} />
                </div>
              </fieldset>
              <Field
                label="Tick interval (minutes)"
                error={errors.tickIntervalMinutes}
                hint="1 to 60; SPEC default 5"
              >
                <input
                  value={tick}
                  onChange={(e) => setTick(e.target.value)}
                  inputMode="numeric"
                  name="tickIntervalMinutes"
                />
              </Field>
            </div>
          </Card>
          <Card title="Trading">
            <div className="form">
              <label className="checkbox wide">
                <input
                  type="checkbox"
                  checked={draft.extendedHours}
                  onChange={(e) => setDraft({ ...draft, extendedHours: e.target.checked })}
                />
                Trade in extended hours (04:00–09:30 and 16:00–20:00 New York)
              </label>
              <p className="small muted wide">
                Applies to every portfolio and is recorded in the event log. The price policy, commission and
                slippage are under Trading.
              </p>
            </div>
          </Card>
          <Card title="Notifications">
            <fieldset>
              <legend>Tell me about</legend>
              <div className="stack">
                {NOTIFICATIONS.map((n) => (
                  <label key={n.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={draft.notifications[n.key]}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          notifications: { ...draft.notifications, [n.key]: e.target.checked },
                        })
                      }
                    />
                    {n.label}
                  </label>
                ))}
              </div>
            </fieldset>
          </Card>
          <Card title="Application">
            <div className="form">
              <Field label="Theme">
                <select
                  value={draft.theme}
                  onChange={(e) => setDraft({ ...draft, theme: e.target.value as PreferencesDto['theme'] })}
                >
                  <option value="system">Follow the system</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </select>
              </Field>
              <label className="checkbox wide">
                <input
                  type="checkbox"
                  checked={draft.launchAtLogin}
                  disabled={!settings.capabilities.launchAtLogin}
                  onChange={(e) => setDraft({ ...draft, launchAtLogin: e.target.checked })}
                />
                Launch at login{settings.capabilities.launchAtLogin ? '' : ' (desktop app only)'}
              </label>
            </div>
          </Card>
        </div>
        <div className="row">
          <span className="spacer" style={{ flex: 1 }} />
          {saved && (
            <span className="banner ok small" role="status">
              Settings saved.
            </span>
          )}
          <Button type="submit" variant="primary" busy={saving}>
            Save settings
          </Button>
        </div>
      </form>
      <Card title="Data">
        <div className="stack">
          <dl className="kv">
            <dt>Data folder</dt>
            <dd className="mono">{status?.dataDir}</dd>
            <dt>Logs</dt>
            <dd className="mono">{logDir ?? status?.logDir}</dd>
          </dl>
          <div className="row">
            <Button onClick={() => void useAppStore.getState().openLogs().then(setLogDir)}>
              Open the log folder
            </Button>
          </div>
        </div>
      </Card>
      <BackupsCard />
      <Card title="About">
        <p className="small muted">
          Volatility Balancing {status?.version} (
          {status?.mode === 'electron' ? 'desktop' : 'headless, in a browser'}). Charts by TradingView
          Lightweight Charts™ (https://www.tradingview.com/).
        </p>
      </Card>
    </div>
  );
}
