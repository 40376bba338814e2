export * from './types';
export * from './location';
export * from './config';
export * from './parse';
export type { ReleaseFeedIo, ReleaseFeedResponse } from './read';
export { readReleaseFeed } from './read';
