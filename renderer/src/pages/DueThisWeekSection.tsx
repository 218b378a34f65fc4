import { Button } from 'antd';
import type { DueItem } from '../../../shared/contract/projects-contract.js';
import { navigate } from '../navigation/router.js';
import { useDashboardStore } from '../store/dashboard-store.js';
import { useProjectStore } from '../store/project-store.js';

/**
 * 工作台's 本周待办: what is due within seven days or overdue — signed plans' tasks, the projects' service plan items,
 * issues, complaints waiting for an answer, corrective actions — each opening its plan, or its record in its project.
 */
export function DueThisWeekSection() {
  const due = useDashboardStore((s) => s.due);
  const error = useDashboardStore((s) => s.projectsError);
  const open = ({ target }: DueItem) => {
    if (target.type === 'document') return navigate(`/documents/${target.kind}/${encodeURIComponent(target.id)}`);
    useProjectStore.getState().focusRecord({ kind: target.kind, id: target.recordId });
    navigate(`/projects/${encodeURIComponent(target.projectId)}`);
  };
  return (
    <section className="wb-panel" aria-labelledby="dashboard-due">
      <h2 id="dashboard-due" className="wb-panel-title">
        本周待办
      </h2>
      {error && <p className="wb-attention">{error}</p>}
      {due?.length === 0 && <p className="wb-secondary">本周没有到期的服务事项</p>}
      {due && due.length > 0 && (
        <ul className="wb-recent">
          {due.map((d) => (
            <li key={d.key}>
              <Button type="link" size="small" className="wb-link-button" onClick={() => open(d)}>
                {d.incubatorName}：{d.message}
              </Button>
              {d.urgency === 'overdue' && <span className="wb-attention"> 已逾期</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
