export * from './case.ts';
export * from './decide.ts';
export * from './definitions.ts';
export * from './model.ts';
