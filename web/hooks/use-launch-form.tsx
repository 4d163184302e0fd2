'use client';

import { START_RUN_MUTATION, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { FormField } from '@/components/launch/form-field';
import { clearFieldError, formErrorsOf } from '@/lib/form-errors';
import { parseOrthoWeights } from '@/lib/launch-input';

export type LaunchTarget = 'run' | 'sweep';

/** What one form submission sends: the run's input, or the sweep's input given its weights. */
export interface LaunchRequest {
  /** Field errors found before asking the server (text that is not a number, …). */
  localErrors: Record<string, string>;
  runInput(): object;
  /** `orthoWeights`: the one-click weights, or the form's own list parsed. */
  sweepInput(orthoWeights: readonly number[]): object;
  /** Weights of a one-click sweep; absent: parse the form's `orthoWeights` field. */
  orthoWeights?: readonly number[];
}

/**
 * State and submission shared by the launch forms (CNN, char-LSTM, segmentation): values with
 * per-field server errors (cleared when the field changes), startRun → run page, startSweep →
 * compare view of the sweep's runs.
 */
export function useLaunchForm<V extends object>(defaults: V, initialTarget: LaunchTarget) {
  const router = useRouter();
  const [values, setValues] = useState<V>(defaults);
  const [target, setTarget] = useState<LaunchTarget>(initialTarget);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startRun] = useMutation<{ startRun: ApiRun }>(START_RUN_MUTATION);
  const [, startSweep] = useMutation<{ startSweep: { id: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION);

  // A changed value's old server error no longer applies.
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => clearFieldError(e, key as string));
  };

  const launch = async (kind: LaunchTarget, request: LaunchRequest) => {
    if (Object.keys(request.localErrors).length) return setErrors(request.localErrors);
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const result =
        kind === 'run' ? await startRun({ input: request.runInput() }) : await startSweepFor(request);
      if (!result) return;
      if (result.error) {
        const { byField, other } = formErrorsOf(result.error);
        setErrors(byField);
        setFormError(other);
        return;
      }
      const data = result.data as { startRun?: ApiRun; startSweep?: { runs: ApiRun[] } };
      router.push(data.startRun ? `/runs/${data.startRun.id}` : `/compare?runs=${data.startSweep!.runs.map((r) => r.id).join(',')}`);
    } finally {
      setBusy(false);
    }
  };

  const startSweepFor = async (request: LaunchRequest) => {
    let orthoWeights: readonly number[];
    try {
      orthoWeights = request.orthoWeights ?? parseOrthoWeights(String((values as Record<string, unknown>).orthoWeights ?? ''));
    } catch (e) {
      setErrors({ orthoWeights: (e as Error).message });
      return null;
    }
    return startSweep({ input: request.sweepInput(orthoWeights) });
  };

  /** A text input for `key` with its label, hint and server error. */
  const input = (key: keyof V & string, label: string, hint?: string): ReactNode => (
    <FormField label={label} name={key} error={errors[key]} hint={hint}>
      <input name={key} value={String(values[key])} onChange={(e) => set(key, e.target.value as V[typeof key])} aria-invalid={!!errors[key]} />
    </FormField>
  );

  /** Back to the defaults, without errors. */
  const reset = () => {
    setValues(defaults);
    setErrors({});
    setFormError(null);
  };

  return { values, set, target, setTarget, errors, formError, busy, launch, input, reset };
}
