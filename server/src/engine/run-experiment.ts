import type { CharRnnConfig, CnnConfig, ExperimentKind, SegmentationConfig } from '@orthoscope/shared';
import { initBackend, type BackendPreference } from './backend';
import { loadCifar, type CifarName, type CifarProgress } from './data/cifar';
import { trainCharRnn } from './train/train-char-rnn';
import { trainCnn } from './train/train-cnn';
import { trainSegmentation } from './train/train-segmentation';
import type { TrainHooks } from './train/train-options';

/** Where a run finds its data and how it trains. */
export interface RunExperimentOptions {
  /** Data root (CIFAR folders/archives at the top, `text/`, `segmentation/`). */
  dataRoot: string;
  /** Download a missing official dataset archive into the data root; default false. */
  download?: boolean;
  /** Backend to initialise first (see initBackend); default: keep the active one. */
  backend?: BackendPreference;
  /** Progress of downloading / extracting / reading the data. */
  onDataProgress?(progress: CifarProgress): void;
}

/** A validated experiment config (the other kinds' configs are added by their trainers). */
export type RunnableConfig = CnnConfig | CharRnnConfig | SegmentationConfig | { kind: Exclude<ExperimentKind, 'cnn' | 'char_rnn' | 'segmentation'> };

/**
 * Runs one experiment headless: initialises the backend when asked, loads the data for the
 * config's kind and trains, reporting through `hooks` (see TrainHooks). The config must already
 * be validated (resolveCnnConfig & co.).
 */
export async function runExperiment(config: RunnableConfig, options: RunExperimentOptions, hooks: TrainHooks): Promise<void> {
  const runtime = options.backend ? await initBackend(options.backend) : hooks.runtime;
  const withRuntime: TrainHooks = { ...hooks, runtime };
  switch (config.kind) {
    case 'cnn': {
      const data = await loadCifar(options.dataRoot, config.dataset as CifarName, {
        download: options.download ?? false,
        onProgress: options.onDataProgress,
      });
      return trainCnn(config, data, withRuntime);
    }
    case 'char_rnn': {
      // Text comes from <dataRoot>/text/<dataset>.txt, or the embedded corpus (brown): nothing to download.
      await trainCharRnn(config, { dataRoot: options.dataRoot || undefined }, withRuntime);
      return;
    }
    case 'segmentation': {
      // Image/mask pairs from <dataRoot>/segmentation/<dataset>/: nothing to download.
      await trainSegmentation(config, { dataRoot: options.dataRoot }, withRuntime);
      return;
    }
    default:
      throw new Error(`runExperiment: experiment kind ${JSON.stringify((config as { kind: string }).kind)} is not supported yet`);
  }
}
