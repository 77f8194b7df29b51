// successModel: the domain model. Every number the product shows is computed here, once, from records passed in.
// Pure TypeScript: no DOM, no platform imports, and "today" is always an argument.

export * from './types';
export * from './dates';
export * from './facts';
export * from './goals';
export * from './velocity';
export * from './health';
export * from './fit';
export * from './risk';
export * from './raci';
export * from './charter';
export * from './roadmap';
export * from './objectives';
export * from './schema';
export * from './panel';
