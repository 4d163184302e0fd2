import { registerEnumType } from 'type-graphql';

// GraphQL names on the left, the values the engine and storage use on the right.

export const ExperimentKindEnum = { CNN: 'cnn', CHAR_RNN: 'char_rnn', SEGMENTATION: 'segmentation' } as const;
export const ConvModeEnum = { BASELINE: 'baseline', PENALTY: 'penalty', HOUSEHOLDER: 'householder' } as const;
export const ActivationEnum = { RELU: 'relu', SELU: 'selu' } as const;
export const HouseholderScaleEnum = { ELEMENT: 'element', CHANNEL: 'channel', NONE: 'none' } as const;
export const RecurrentCellEnum = { LSTM: 'lstm', GRU: 'gru', RNN: 'rnn' } as const;
export const SegmentationFitEnum = { CROP: 'crop', RESIZE: 'resize' } as const;
export const RunStatusEnum = {
  QUEUED: 'QUEUED', RUNNING: 'RUNNING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED',
  STOPPED: 'STOPPED', DIVERGED: 'DIVERGED', INTERRUPTED: 'INTERRUPTED',
} as const;
export const MetricSplitEnum = { TRAIN: 'TRAIN', VALIDATION: 'VALIDATION' } as const;
export const DatasetStatusEnum = { AVAILABLE: 'available', DOWNLOADABLE: 'downloadable', MISSING: 'missing' } as const;
export const DownloadPhaseEnum = { DOWNLOAD: 'download', VERIFY: 'verify', DONE: 'done', FAILED: 'failed' } as const;
export const AlertRuleEnum = { NON_FINITE_LOSS: 'NON_FINITE_LOSS', LOSS_RISE: 'LOSS_RISE', ACCURACY_AT_CHANCE: 'ACCURACY_AT_CHANCE' } as const;

registerEnumType(ExperimentKindEnum, { name: 'ExperimentKind', description: 'Which experiment a run belongs to' });
registerEnumType(ConvModeEnum, { name: 'ConvMode', description: 'How conv layers are trained: free, with the orthogonality penalty, or exactly orthogonal' });
registerEnumType(ActivationEnum, { name: 'Activation' });
registerEnumType(HouseholderScaleEnum, { name: 'HouseholderScale', description: 'Learnable scale of Householder-generated weights' });
registerEnumType(RecurrentCellEnum, { name: 'RecurrentCell', description: 'Recurrent cell of a CHAR_RNN run (SPEC §4)' });
registerEnumType(SegmentationFitEnum, { name: 'SegmentationFit', description: 'SEGMENTATION: random crops of imageSize (centre crops for validation), or whole images resized' });
registerEnumType(RunStatusEnum, { name: 'RunStatus' });
registerEnumType(MetricSplitEnum, { name: 'MetricSplit', description: 'TRAIN: per training iteration; VALIDATION: evaluations on the test split' });
registerEnumType(DatasetStatusEnum, { name: 'DatasetStatus' });
registerEnumType(DownloadPhaseEnum, { name: 'DownloadPhase', description: 'DOWNLOAD: bytes arriving; VERIFY: size and MD5 being checked; DONE: on disk; FAILED: see error' });
registerEnumType(AlertRuleEnum, { name: 'AlertRule', description: 'Divergence rules of SPEC §6' });
