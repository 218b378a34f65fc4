export * from './quantity-catalog.js';
export * from './quantity-binding.js';
export * from './facts.js';
export * from './rule-set-schema.js';
export * from './builtin-rule-sets.js';
export * from './rule-set-corrections.js';
export * from './evaluate.js';
export * from './verdicts.js';
