import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { failureText } from '../../stores/client';
import { useSimulationInputsStore } from '../../stores/simulationInputsStore';

/**
 * A CSV import for the simulation (SPEC 5 "a CSV the user imports", issue 15): a symbol, a prices file
 * (`date,open,high,low,close[,adj_close],volume`, or `datetime` with a zone for intraday bars) and an
 * optional dividends file (`ex_date,pay_date,amount`). The page reads the files and main checks them
 * whole: a file with a bad line is not imported, and the lines are named.
 */
export function CsvImportPanel() {
  const [symbol, setSymbol] = useState('');
  const [bars, setBars] = useState<File | null>(null);
  const [dividends, setDividends] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ symbol?: string; bars?: string; dividends?: string }>({});
  const [result, setResult] = useState<{ ok: boolean; text: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  // Not a form: it sits inside the set-up form (forms do not nest), so Import is a plain button.
  const submit = async () => {
    const found: typeof errors = {};
    if (symbol.trim() === '') found.symbol = 'Give the symbol these prices are of, e.g. KO';
    if (bars === null) found.bars = 'Choose the prices file (CSV)';
    setErrors(found);
    setResult(null);
    if (Object.keys(found).length > 0 || bars === null) return;
    setBusy(true);
    const r = await useSimulationInputsStore.getState().importCsv({
      symbol: symbol.trim(),
      fileName: bars.name,
      bars: await bars.text(),
      ...(dividends ? { dividends: await dividends.text() } : {}),
    });
    setBusy(false);
    if (r.ok) return setResult({ ok: true, text: r.value.message, lines: [] });
    const lines = (r.issues ?? []).map((i) => `${i.path === 'dividends' ? 'dividends ' : ''}${i.message}`);
    setResult({ ok: false, text: failureText(r), lines: lines.slice(0, 10) });
  };

  return (
    <div className="wide csv-import note" role="group" aria-label="Import a CSV">
      <strong>Import a CSV</strong>
      <div className="form">
        <Field label="Symbol" error={errors.symbol}>
          <input
            value={symbol}
            onChange={(e) => setSymbol(e.target.value)}
            name="csvSymbol"
            placeholder="KO"
          />
        </Field>
        <Field label="Prices file" error={errors.bars} hint="date,open,high,low,close[,volume]">
          <input type="file" accept=".csv,text/csv" onChange={(e) => setBars(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label="Dividends file (optional)" error={errors.dividends} hint="ex_date,pay_date,amount">
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setDividends(e.target.files?.[0] ?? null)}
          />
        </Field>
        <div className="form-actions">
          <Button busy={busy} onClick={() => void submit()}>
            Import
          </Button>
        </div>
      </div>
      {result && (
        <div className={`banner ${result.ok ? 'ok' : 'error'}`} role={result.ok ? 'status' : 'alert'}>
          {result.text}
          {result.lines.length > 1 && (
            <ul className="small">
              {result.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
