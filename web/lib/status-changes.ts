/**
 * Records `run`'s status in `known` (mutated) and says whether it is new or differs from the one
 * seen before: the nav bar re-reads the queue counts only then, not on every progress update.
 */
export function noteStatusChange(known: Map<string, string>, run: { id: string; status: string }): boolean {
  const before = known.get(run.id);
  known.set(run.id, run.status);
  return before !== run.status;
}
