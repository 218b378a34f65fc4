// What a new plan starts from (§5.2.4 a: the plan follows the diagnosis): 「二、前期诊断结论」 from the incubator's
// latest completed diagnosis — its 诊断总结 and the recognition conditions it does not meet, with their gaps — and
// 「一、孵化器基本情况」 from the facts the diagnosis and the incubator record already hold. Starting texts only:
// the consultant edits them. Pure; core/services/plan-prefill.ts finds the diagnosis.
import type { DocumentModel } from '../document-model.js';
import { printValue } from '../print-cells.js';
import { gapsForSummary } from '../../eligibility/evaluate.js';
import { formatChineseDate } from '../../validation/dates.js';
import type { PlanFieldKey } from './plan-definition.js';
import { BULLET } from '../rich-text.js';

type Starting = Partial<Record<PlanFieldKey, string>>;

/** 「二、前期诊断结论」: the summary, then each unmet condition with its gap, as bullets. */
export function diagnosisConclusionText(diagnosis: DocumentModel): string {
  const date = diagnosis.check.normalized[diagnosis.def.dateField];
  const summary = String(diagnosis.check.normalized.summary ?? '').trim();
  const lines = [`根据${typeof date === 'string' ? formatChineseDate(date) : ''}的诊断意见表：`];
  if (summary) lines.push(summary);
  if (diagnosis.eligibility) {
    const [head, ...gaps] = gapsForSummary(diagnosis.eligibility).split('\n');
    lines.push(head!, ...gaps.map((g) => BULLET + g.replace(/^\d+\.\s*/, '')));
  }
  return lines.join('\n');
}

/** A sentence of facts, or nothing when none of its values is known. */
function sentence(parts: readonly (string | null)[]): string | undefined {
  const known = parts.filter((p): p is string => p !== null);
  return known.length > 0 ? `${known.join('；')}。` : undefined;
}

/** 「一、孵化器基本情况」: the facts already on record, each where the standard's part asks for it. */
export function basicsStartingText(diagnosis: DocumentModel): Starting {
  const d = (key: string) => printValue(diagnosis, { source: 'values', key }) || null;
  const h = (key: string) => printValue(diagnosis, { source: 'header', key }) || null;
  const c = (key: string) => printValue(diagnosis, { source: 'computed', key }) || null;
  // A choice prints as boxes (□/☑); a sentence wants the chosen option itself.
  const raw = (key: string) => (typeof diagnosis.header[key] === 'string' && diagnosis.header[key] !== '' ? String(diagnosis.header[key]) : null);
  const fact = (label: string, value: string | null, unit = '') => (value ? `${label}${value}${unit}` : null);
  const yes = (key: string, detailKey: string, label: string) => {
    const v = diagnosis.check.normalized[key];
    if (v === null || v === undefined) return null;
    const detail = String(diagnosis.check.normalized[detailKey] ?? '').trim();
    return v === true ? `${label}：是${detail ? `（${detail}）` : ''}` : `${label}：否`;
  };
  const out: Starting = {
    basicConstruction: sentence([
      fact('运营主体为', h('operator')),
      fact('注册时间', h('registeredOn')),
      fact('运营时间', h('operatingSince')),
      fact('孵化器类型为', raw('incubatorType')),
      fact('所属产业领域为', h('industry')),
      fact('可自主支配的孵化场地总面积', d('totalArea'), ' 平方米'),
      fact('其中在孵企业场地面积', d('incubateeArea'), ' 平方米'),
      fact('公共服务场地面积', d('publicServiceArea'), ' 平方米'),
      fact('在孵企业使用面积（含公共服务面积）占总面积比例', c('areaShare')),
    ]),
    basicOperation: sentence([yes('hasSystems', 'systemsDetail', '是否建立完善的运营管理制度')]),
    basicTeam: sentence([fact('孵化器管理机构人员总数', d('staffTotal'), ' 人'), fact('专业孵化服务人员数量', d('serviceStaff'), ' 人'), fact('孵化服务人员占机构总人数的比例', c('serviceStaffShare'))]),
    basicMentors: sentence([fact('创业导师数量', d('mentors'), ' 人')]),
    basicPublicService: sentence([yes('hasFacilities', 'facilitiesDetail', '是否配备完善的公共服务设施')]),
    basicIncubatees: sentence([
      fact('可自主支配场地内在孵企业数量', d('incubatees'), ' 家'),
      fact('其中完成科技型中小企业入库登记的企业数', d('registeredSmes'), ' 家'),
      fact('每千平方米在孵企业数量', c('perThousandSqm'), ' 家'),
      fact('累计毕业企业数量', d('graduates'), ' 家'),
    ]),
    basicServiceResults: sentence([
      fact('获得投融资的在孵企业数', d('fundedIncubatees'), ' 家'),
      fact('获得投融资的在孵企业占比', c('fundedShare')),
      fact('孵化器自有种子资金或合作孵化资金金额', d('seedFund'), ' 万元'),
      fact('已申请专利的在孵企业数量', d('patentCount'), ' 家'),
      fact('拥有有效知识产权的在孵企业数量', d('validIpCount'), ' 家'),
    ]),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
