export * from './experiment';
export * from './validation';
export * from './cnn-config';
export * from './train-events';
