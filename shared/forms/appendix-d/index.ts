export * from './evaluation-definition.js';
