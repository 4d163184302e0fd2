'use client';

import { SAMPLE_TEXT_QUERY } from '@orthoscope/shared';
import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';

/** The study's seed string (SPEC §4 sampling). */
const STUDY_SEED = 'ethics is a basic foundation of all that';

/**
 * Text-sampling panel of a CHAR_RNN run: a seed, then characters drawn from the model of its
 * latest checkpoint (also while it trains). The same random seed gives the same text.
 */
export function SampleTextPanel({ runId, checkpoints }: { runId: string; checkpoints: number }) {
  const client = useClient();
  const [seed, setSeed] = useState(STUDY_SEED);
  const [length, setLength] = useState('320');
  const [temperature, setTemperature] = useState('1');
  const [randomSeed, setRandomSeed] = useState('');
  const [result, setResult] = useState<{ text: string; seed: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sample = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const variables = {
      runId, seed, length: Number(length), temperature: Number(temperature),
      randomSeed: randomSeed.trim() === '' ? undefined : Number(randomSeed),
    };
    const response = await client.query<{ sampleText: string }>(SAMPLE_TEXT_QUERY, variables, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (response.error) setError(response.error.graphQLErrors.map((g) => g.message).join('; ') || response.error.message);
    else setResult({ text: response.data!.sampleText, seed });
  };

  return (
    <form className="panel" onSubmit={(e) => void sample(e)} data-testid="sample-text">
      <div className="form-grid">
        <label className="field">
          <span>Seed text</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <label className="field">
          <span>Length (characters, seed included)</span>
          <input value={length} onChange={(e) => setLength(e.target.value)} />
        </label>
        <label className="field">
          <span>Temperature</span>
          <input value={temperature} onChange={(e) => setTemperature(e.target.value)} />
        </label>
        <label className="field">
          <span>Random seed</span>
          <input value={randomSeed} placeholder="random" onChange={(e) => setRandomSeed(e.target.value)} />
        </label>
      </div>
      <div className="toolbar" style={{ marginTop: 12 }}>
        <button type="submit" className="primary" disabled={busy || checkpoints === 0}>
          {busy ? 'Sampling…' : 'Sample text'}
        </button>
        {checkpoints === 0 ? <span className="muted">no checkpoint yet (the first comes after iteration 1)</span> : null}
        {error ? <span className="error-text" role="alert">{error}</span> : null}
      </div>
      {result ? (
        <pre style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="sampled-text">
          <strong>{result.text.slice(0, result.seed.length)}</strong>
          {result.text.slice(result.seed.length)}
        </pre>
      ) : null}
    </form>
  );
}
