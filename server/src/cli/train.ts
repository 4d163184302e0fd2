/**
 * `npm run train -- …`: one CNN, char-RNN or segmentation experiment headless (see TRAIN_USAGE). The only place in the
 * training path that reads process.argv and process.env. Exit codes: 0 done, 1 failed, 2 bad flags,
 * 130 stopped by Ctrl-C.
 */
import type { TrainEvent } from '@orthoscope/shared';
import { runExperiment } from '../engine/run-experiment';
import { ProgressBar } from './progress-bar';
import { jsonLine } from './train-json';
import { evalLine, progressFields, startLine } from './train-lines';
import { parseTrainArgs, TRAIN_USAGE, TrainArgsError, type TrainCliOptions } from './train-args';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${TRAIN_USAGE}\n`);
    return 0;
  }
  let options: TrainCliOptions;
  try {
    options = parseTrainArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof TrainArgsError)) throw error;
    process.stderr.write(`train: ${error.message}\n${TRAIN_USAGE}\n`);
    return 2;
  }
  let stop = false;
  process.on('SIGINT', () => {
    if (stop) process.exit(130);
    stop = true;
  });
  const bar = new ProgressBar(process.stderr);
  let total = 0;
  let stopped = false;
  const onEvent = (event: TrainEvent) => {
    if (options.json) process.stdout.write(`${jsonLine(event)}\n`);
    switch (event.type) {
      case 'start':
        total = event.totalIterations;
        if (!options.json) bar.log(startLine(options.config, event));
        break;
      case 'train':
        bar.update({ done: event.iteration, total, fields: progressFields(options.config, event.metrics) });
        break;
      case 'eval':
        if (!options.json) bar.log(evalLine(options.config, event.iteration, event.metrics));
        break;
      case 'checkpoint':
        if (!options.json) bar.log(`checkpoint ${event.path}${event.previews?.length ? ` (${event.previews.length} preview${event.previews.length === 1 ? '' : 's'})` : ''}`);
        break;
      case 'done':
        stopped = event.reason === 'stopped';
        bar.finish();
        break;
    }
  };
  try {
    await runExperiment(
      options.config,
      {
        dataRoot: options.dataDir,
        download: options.download,
        backend: options.backend,
        onDataProgress: (p) => {
          if (p.phase === 'download') bar.update({ done: Math.round(p.loaded / 1e6), total: Math.round(p.total / 1e6) });
        },
      },
      {
        onEvent,
        shouldStop: () => stop,
        checkpointDir: options.checkpointDir ?? undefined,
        resumeFrom: options.resume ?? undefined,
        workers: options.workers,
      },
    );
  } catch (error) {
    bar.finish();
    process.stderr.write(`train: ${(error as Error).message}\n`);
    return 1;
  }
  return stopped ? 130 : 0;
}

main().then((code) => process.exit(code));
