// Every address of the app that names a record, and where a history entry of each kind of record leads. Each
// document kind of the registry gets its record route (#/documents/<kind>/<id>) and its history link here, so a
// new document needs no line of its own.
import { DOCUMENT_KINDS, definitionOf } from '../../../shared/forms/registry.js';
import { bindRecordRoute } from './router.js';
import { registerRecordLink } from './record-links.js';
import { useIncubatorStore } from '../store/incubator-store.js';
import { documentStore } from '../store/document-store.js';
import { useProjectStore } from '../store/project-store.js';
import { useProfileStore } from '../store/profile-store.js';
import { RECORD_KINDS, type RecordKind } from '../../../shared/process/record-kinds.js';

const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;
const isRecordKind = (kind: string | undefined): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind ?? '');

export function registerRoutes(): void {
  bindRecordRoute('/incubators/', 'incubators', useIncubatorStore, 'editing');
  registerRecordLink('incubators', '孵化器', (id) => `/incubators/${encodeURIComponent(id)}`);
  // The profile (企业画像) is a page of its own, shown on the incubators page: #/profiles/<incubator id>.
  bindRecordRoute('/profiles/', 'incubators', useProfileStore, 'openId');
  for (const kind of DOCUMENT_KINDS) {
    const def = definitionOf(kind);
    bindRecordRoute(`/documents/${kind}/`, kind, documentStore(kind), 'openId');
    registerRecordLink(def.entity, def.shortName, (id) => `/documents/${kind}/${encodeURIComponent(id)}`);
  }
  bindRecordRoute('/projects/', 'projects', useProjectStore, 'openId');
  registerRecordLink('cultivation_projects', '培育项目', projectPath);
  // A project's records and stage moves have no page of their own: they open in their project (the history entry
  // names it), a record with its drawer open.
  registerRecordLink('project_stage_moves', '阶段变更', (_id, parent) => (parent ? projectPath(parent.id) : null));
  registerRecordLink(
    'project_records',
    '项目记录',
    (_id, parent) => (parent ? projectPath(parent.id) : null),
    (id, parent) => {
      if (isRecordKind(parent?.kind)) useProjectStore.getState().focusRecord({ kind: parent.kind, id });
    },
  );
  registerRecordLink('agency_profile', '服务机构', () => '/agency');
  registerRecordLink('agency_staff', '服务人员', () => '/agency');
  registerRecordLink('rule_sets', '认定规则集', () => '/diagnoses');
}
