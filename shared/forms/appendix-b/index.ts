export { contractDefinition } from './contract-definition.js';
export { contractFields, type ContractFieldKey, PAYMENT_MODES } from './contract-fields.js';
export { contractLists, instalmentsList } from './contract-lists.js';
export { contractPrefill, incubatorFacts } from './contract-prefill.js';
