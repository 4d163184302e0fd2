import { describe, expect, it } from 'vitest';
import { noteStatusChange } from './status-changes';

describe('noteStatusChange', () => {
  it('a run seen first (queued) is a change; the same status again is not; RUNNING then SUCCEEDED are', () => {
    const known = new Map<string, string>();
    expect(noteStatusChange(known, { id: 'a', status: 'QUEUED' })).toBe(true);
    expect(noteStatusChange(known, { id: 'a', status: 'QUEUED' })).toBe(false);
    expect(noteStatusChange(known, { id: 'a', status: 'RUNNING' })).toBe(true);
    expect(noteStatusChange(known, { id: 'a', status: 'RUNNING' })).toBe(false);
    expect(noteStatusChange(known, { id: 'b', status: 'RUNNING' })).toBe(true);
    expect(noteStatusChange(known, { id: 'a', status: 'SUCCEEDED' })).toBe(true);
    expect(known.get('a')).toBe('SUCCEEDED');
  });
});
