/** A problem with one input field: the field's name, the bad value and what is wrong. */
export class InvalidFieldError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly problem: string,
  ) {
    super(`Invalid ${field}: ${JSON.stringify(value)} — ${problem}`);
    this.name = 'InvalidFieldError';
  }
}

/** Throws InvalidFieldError unless `value` is an integer within [min, max]. */
export function requireInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidFieldError(field, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Throws InvalidFieldError unless `value` is a finite number within [min, max]. */
export function requireNumber(field: string, value: unknown, min: number, max = Number.MAX_VALUE, minExclusive = false): number {
  const tooSmall = typeof value === 'number' && (minExclusive ? value <= min : value < min);
  if (typeof value !== 'number' || !Number.isFinite(value) || tooSmall || value > max) {
    const range = `${minExclusive ? 'greater than' : 'at least'} ${min}${max < Number.MAX_VALUE ? ` and at most ${max}` : ''}`;
    throw new InvalidFieldError(field, value, `must be a finite number ${range}`);
  }
  return value;
}

/** Throws InvalidFieldError unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidFieldError(field, value, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
