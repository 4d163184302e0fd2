export * from './experiment';
export * from './validation';
export * from './cnn-config';
export * from './train-events';
export * from './char-rnn-config';
export * from './segmentation-config';
export * from './operations';
