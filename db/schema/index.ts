export * from './incubators.js';
export * from './agency.js';
export * from './bookkeeping.js';
export * from './sync.js';
export * from './diagnoses.js';
export * from './evaluations.js';
export * from './rule-sets.js';
export * from './document-items.js';
