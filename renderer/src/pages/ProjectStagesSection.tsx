import { Button } from 'antd';
import { PROJECT_STAGES, STAGE_INFO } from '../../../shared/process/stages.js';
import { navigate } from '../navigation/router.js';
import { useDashboardStore } from '../store/dashboard-store.js';
import { useProjectStore } from '../store/project-store.js';

/** 工作台's 培育项目: how many running projects stand at each stage of the standard's path, each a link. */
export function ProjectStagesSection() {
  const projects = useDashboardStore((s) => s.projects);
  const error = useDashboardStore((s) => s.projectsError);
  const running = projects?.filter((p) => !p.closedOn) ?? [];
  const show = (stage: (typeof PROJECT_STAGES)[number] | null) => {
    useProjectStore.getState().setStageFilter(stage);
    navigate('/projects');
  };
  return (
    <section className="wb-panel" aria-labelledby="dashboard-projects">
      <div className="wb-panel-head">
        <h2 id="dashboard-projects" className="wb-panel-title">
          培育项目（T/GXAS 453-2023 图 1）
        </h2>
        <Button type="link" size="small" onClick={() => show(null)}>
          全部项目
        </Button>
      </div>
      {error && <p className="wb-attention">{error}</p>}
      <ol className="wb-process">
        {PROJECT_STAGES.map((stage) => {
          const n = running.filter((p) => p.stage === stage).length;
          return (
            <li key={stage}>
              {STAGE_INFO[stage].title}
              {' · '}
              {n > 0 ? (
                <Button type="link" size="small" className="wb-link-button" onClick={() => show(stage)}>
                  {n} 个项目
                </Button>
              ) : (
                <span className="wb-secondary">无</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
