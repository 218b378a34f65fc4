// Every address of the app that names a record, one line each, and where a history entry of each kind of
// record leads. A new document page (contract, plan, evaluation) adds its line here.
import { bindRecordRoute } from './router.js';
import { registerRecordLink } from './record-links.js';
import { useIncubatorStore } from '../store/incubator-store.js';
import { useDiagnosisStore } from '../store/diagnosis-store.js';

export function registerRoutes(): void {
  bindRecordRoute('/incubators/', 'incubators', useIncubatorStore, 'editing');
  bindRecordRoute('/documents/diagnosis/', 'diagnoses', useDiagnosisStore, 'openId', '/diagnoses');

  registerRecordLink('incubators', '孵化器', (id) => `/incubators/${encodeURIComponent(id)}`);
  registerRecordLink('diagnoses', '诊断意见表', (id) => `/documents/diagnosis/${encodeURIComponent(id)}`);
  registerRecordLink('agency_profile', '服务机构', () => '/agency');
  registerRecordLink('agency_staff', '服务人员', () => '/agency');
  registerRecordLink('rule_sets', '认定规则集', () => '/diagnoses');
}
