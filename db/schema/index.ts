export * from './incubators.js';
export * from './agency.js';
export * from './bookkeeping.js';
