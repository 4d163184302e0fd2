import type { TrainEvent } from '@orthoscope/shared';
import type { BackendPreference } from '../../engine/backend';

/** Parent → child: train one run, report the backend, or stop at the next iteration. */
export type ParentMessage =
  | {
      type: 'start';
      config: Record<string, unknown>;
      dataRoot: string;
      download: boolean;
      backend: BackendPreference;
      checkpointDir: string;
      resumeFrom: string | null;
      /** Written by the parent to ask for a stop even while the child's event loop is busy. */
      stopFile: string;
    }
  | { type: 'probe'; backend: BackendPreference }
  | { type: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { type: 'event'; event: TrainEvent }
  | { type: 'probe'; backend: string; device: string }
  | { type: 'error'; message: string };
