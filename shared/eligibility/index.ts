export * from './quantities.js';
export * from './rule-set-schema.js';
export * from './builtin-rule-sets.js';
export * from './evaluate.js';
