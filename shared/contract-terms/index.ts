export {
  DEFAULT_CONTRACT_NUMBER_PATTERN,
  DEFAULT_MULTI_DEVICE_PATTERN,
  parseContractNumberPattern,
  patternUsesDevice,
  type ContractNumberPattern,
  type PatternParse,
  type PatternPart,
} from './contract-number-pattern.js';
export { contractNumberScope, matchContractNumber, nextContractNumber, renderContractNumber, type NumberContext } from './contract-number.js';
export { DEVICE_CODE_ALPHABET, DEVICE_CODE_COUNT, DEVICE_CODE_PATTERN, chooseDeviceCode, preferredDeviceCode } from './device-code.js';
export {
  CONTRACT_EVENTS,
  CONTRACT_EVENT_LABELS,
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  CONTRACT_TRANSITIONS,
  allowedContractEvents,
  applyContractEvent,
  checkServicePeriod,
  type ContractEvent,
  type ContractLifecycleState,
  type ContractStatus,
  type ContractTerm,
  type ContractTransition,
  type TransitionField,
  type TransitionRequest,
  type TransitionResult,
} from './contract-lifecycle.js';
export {
  REMINDER_LEAD_DAYS,
  remindersFor,
  type ChangeRequestForReminders,
  type ContractForReminders,
  type ContractReminder,
  type InstalmentForReminders,
  type ReminderKind,
  type ReminderUrgency,
} from './contract-reminders.js';
export { checkInstalments, type InstalmentInput } from './instalments.js';
export { checkCopies, type CopiesInput } from './copies.js';
export { parseDailyInterestRate, type InterestRateParse } from './interest-rate.js';
