// One contract per demo incubator, so a newcomer sees Appendix B filled in and its reminders on the 工作台: 南宁 pays
// in instalments and is in force, 柳州 expires within a month, 玉林 is signed and takes effect soon, 桂林 and 北海
// are drafts. Dates are relative to today, so the reminders are live whenever the demo is loaded.
import { addDays } from '../../shared/dates/date-math.js';
import type { ContractEvent } from '../../shared/contract-terms/index.js';
import { applyContractEvent } from '../../shared/contract-terms/index.js';
import { latestDocumentOf, updateDocument } from '../../db/repositories/document-repository.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { appendTransition } from '../../db/repositories/contract-lifecycle-repository.js';
import type { Workbench } from '../workbench.js';
import { createNewDocument, localIsoDate } from './document-service.js';
import { statusOf } from './contract-service.js';

interface DemoContract {
  incubator: string;
  /** Days from today. */
  start: number;
  /** Days from today. */
  end: number;
  fee: number;
  instalments?: { due: number | string; amount: number }[];
  /** Moves recorded, each a number of days from today. */
  moves: [ContractEvent, number][];
}

const DEMO_CONTRACTS: readonly DemoContract[] = [
  {
    incubator: '南宁邕江科技企业孵化器',
    start: -60,
    end: 300,
    fee: 120_000,
    instalments: [
      { due: -50, amount: 40_000 },
      { due: 3, amount: 40_000 },
      { due: '验收合格后 10 日内', amount: 40_000 },
    ],
    moves: [
      ['sign', -62],
      ['takeEffect', -60],
    ],
  },
  { incubator: '柳州汽车零部件专业孵化器', start: -345, end: 20, fee: 80_000, moves: [['sign', -350], ['takeEffect', -345]] },
  { incubator: '玉林中医药健康产业孵化基地', start: 5, end: 370, fee: 60_000, moves: [['sign', -1]] },
  { incubator: '桂林漓江电子信息孵化园', start: 30, end: 395, fee: 50_000, moves: [] },
  { incubator: '北海向海经济科技孵化器', start: 45, end: 410, fee: 45_000, moves: [] },
];

/** Adds the demo contract of every demo incubator that has none yet. Returns how many were added. */
export function loadDemoContracts(wb: Workbench): number {
  const { db } = wb.database;
  const today = localIsoDate(wb.now());
  let created = 0;
  for (const demo of DEMO_CONTRACTS) {
    const incubator = findIncubatorByName(db, demo.incubator);
    if (!incubator || latestDocumentOf(db, 'contract', incubator.id)) continue;
    const start = addDays(today, demo.start);
    const values = {
      serviceStart: start,
      serviceEnd: addDays(today, demo.end),
      signedOn: addDays(today, demo.moves[0]?.[1] ?? 0),
      signPlace: '南宁',
      fee: demo.fee * 100,
      paymentMode: demo.instalments ? '分期' : '一次',
      paymentDetail: demo.instalments ? '按下列分期支付安排转账至乙方账户。' : `合同签订后 15 日内一次性支付。`,
      penalty: Math.round(demo.fee * 10),
      termYears: 1,
      arbitrationBody: '南宁',
    };
    const instalments = demo.instalments?.map((i): Record<string, string | number | null> =>
      typeof i.due === 'number' ? { dueDate: addDays(today, i.due), amount: i.amount * 100, paidOn: i.due < 0 ? addDays(today, i.due) : null } : { milestone: i.due, amount: i.amount * 100 },
    );
    const record = createNewDocument(wb, 'contract', incubator.id, values, instalments ? { instalments } : undefined);
    created++;
    if (demo.moves.length === 0) continue;
    updateDocument(db, wb.changeContext(), 'contract', record.id, { status: 'completed' }, `完成「${incubator.name}」的技术服务合同`);
    const history = [];
    for (const [event, day] of demo.moves) {
      const r = applyContractEvent({ status: statusOf(history), history, term: { endDate: values.serviceEnd, renewalAllowed: true } }, { event, date: addDays(today, day), by: '黄敏', reason: '' }, today);
      if (!r.ok) throw new Error(`demo contract: ${r.message}`);
      history.push(appendTransition(db, wb.changeContext(), record.id, r.transition, `合同：${event}`));
    }
  }
  return created;
}
