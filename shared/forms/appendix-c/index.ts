export * from './plan-definition.js';
export * from './plan-checks.js';
export * from './plan-prefill.js';
