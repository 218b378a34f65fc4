import { DocumentListPage } from '../../documents/DocumentListPage.js';

/** 诊断意见表 (Appendix A): the generic document list and editor for the diagnosis kind. */
export function DiagnosisPage() {
  return <DocumentListPage kind="diagnosis" />;
}
