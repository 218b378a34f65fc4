// The methods only the contract (Appendix B) has, beside the generic documents.* (docs/contract-lifecycle.md):
// its lifecycle, its reminders, and the contract list's search.
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { CONTRACT_EVENTS, CONTRACT_STATUSES } from '../contract-terms/contract-lifecycle.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const transitionSchema = z.object({
  id: z.string(),
  event: z.enum(CONTRACT_EVENTS),
  from: z.enum(CONTRACT_STATUSES),
  to: z.enum(CONTRACT_STATUSES),
  date: z.string(),
  reason: z.string(),
  by: z.string(),
  recordedAt: z.string(),
  successorId: z.string().optional(),
});

export const reminderSchema = z.object({
  key: z.string(),
  kind: z.enum(['takeEffect', 'renewalWindow', 'termEnded', 'instalmentDue', 'instalmentOverdue', 'changeRequestAnswer']),
  urgency: z.enum(['overdue', 'due', 'upcoming']),
  date: z.string(),
  message: z.string(),
  target: z.object({ contractId: z.string(), anchor: z.string() }),
  incubatorName: z.string(),
});
export type ReminderView = z.infer<typeof reminderSchema>;

/** 第六条: a change request, who asked (乙方 is the agency), and its answer once recorded. */
export const changeRequestSchema = z.object({
  id: z.string(),
  raisedBy: z.enum(['partyA', 'partyB']),
  receivedDate: z.string(),
  content: z.string(),
  answeredDate: z.string().nullable(),
  answer: z.string(),
});
export type ChangeRequestView = z.infer<typeof changeRequestSchema>;

export const lifecycleViewSchema = z.object({
  status: z.enum(CONTRACT_STATUSES),
  history: z.array(transitionSchema),
  allowed: z.array(z.enum(CONTRACT_EVENTS)),
  changeRequests: z.array(changeRequestSchema),
  reminders: z.array(reminderSchema),
});
export type LifecycleView = z.infer<typeof lifecycleViewSchema>;

export const contractRowSchema = z.object({
  id: z.string(),
  incubatorId: z.string(),
  incubatorName: z.string(),
  contractNo: z.string(),
  projectName: z.string(),
  partyAName: z.string(),
  partyBName: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  serviceEnd: z.string().nullable(),
});
export type ContractRow = z.infer<typeof contractRowSchema>;

export const contractsContract = defineContract({
  'contracts.lifecycle': { input: z.object({ id: z.string() }), output: lifecycleViewSchema },
  /** One move of the lifecycle; 续签 also creates the next period's contract and links it. */
  'contracts.transition': {
    input: z.object({ id: z.string(), event: z.enum(CONTRACT_EVENTS), date: isoDate.or(z.literal('')), reason: z.string().max(2000).default(''), by: z.string().max(50) }),
    output: lifecycleViewSchema,
  },
  /** 第六条: records a change request received (date: when it was received). */
  'contracts.recordChangeRequest': {
    input: z.object({ id: z.string(), raisedBy: z.enum(['partyA', 'partyB']), date: isoDate.or(z.literal('')), content: z.string().max(2000) }),
    output: lifecycleViewSchema,
  },
  /** 第六条: records the answer to a change request. */
  'contracts.answerChangeRequest': {
    input: z.object({ id: z.string(), requestId: z.string(), date: isoDate.or(z.literal('')), content: z.string().max(2000) }),
    output: lifecycleViewSchema,
  },
  /** Every open reminder of every contract (not the ones marked done), for the 工作台. */
  'contracts.reminders': { input: z.object({}), output: z.array(reminderSchema) },
  'contracts.markReminderDone': { input: z.object({ key: z.string().max(300), contractId: z.string() }), output: z.object({ ok: z.literal(true) }) },
  /** The contract list: by number, party or project (text), status, and end of term within N days. */
  'contracts.search': {
    input: z.object({ text: z.string().max(100).default(''), status: z.enum(CONTRACT_STATUSES).optional(), expiringWithinDays: z.number().int().min(0).max(3650).optional() }),
    output: z.array(contractRowSchema),
  },
});
