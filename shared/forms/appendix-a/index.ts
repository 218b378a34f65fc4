export * from './diagnosis-definition.js';
