import { describe, expect, it } from 'vitest';
import { resumeAction } from './run-status';

describe('resumeAction', () => {
  it('a diverged run with 2 checkpoints resumes from the last one', () => expect(resumeAction('DIVERGED', 2)?.label).toBe('Resume from last checkpoint'));
  it('a failed run with 0 checkpoints offers a restart, not a resume', () => expect(resumeAction('FAILED', 0)).toEqual({ label: 'Restart from iteration 0', title: 'No checkpoint was saved: the run starts over' }));
  it('a running or succeeded run offers nothing', () => {
    expect(resumeAction('RUNNING', 3)).toBeNull();
    expect(resumeAction('SUCCEEDED', 3)).toBeNull();
  });
});
