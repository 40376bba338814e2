export * from './types';
export * from './shipped';
export * from './merge';
export * from './schema';
export * from './order';
