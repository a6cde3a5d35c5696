// The one module for every fact about a store: names, labels, sizes, images and
// the name → slug rules. The engine, the charts' parity test and the UI all read it.
export * from './model/names';
export * from './model/labels';
export * from './model/sizes';
export * from './model/images';
export * from './model/slug';
