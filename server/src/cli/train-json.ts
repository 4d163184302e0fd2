import type { TrainEvent } from '@orthoscope/shared';

/** The JSON line of an event: metrics flattened beside `type` and `iteration`. */
export function jsonLine(event: TrainEvent): string {
  switch (event.type) {
    case 'train':
    case 'eval':
      return JSON.stringify({ type: event.type, iteration: event.iteration, ...event.metrics });
    default:
      return JSON.stringify(event);
  }
}
