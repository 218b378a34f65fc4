import { useEffect } from 'react';
import { Alert, Button } from 'antd';
import { goTo } from '../navigation/router.js';
import { LoadDemoButton } from '../components/LoadDemoButton.js';
import { formatDateTime } from '../components/backup-labels.js';
import { HistoryEntryText } from '../components/HistoryEntryText.js';
import { useDashboardStore } from '../store/dashboard-store.js';
import { ContractRemindersSection } from './ContractRemindersSection.js';
import { DueThisWeekSection } from './DueThisWeekSection.js';
import { ProjectStagesSection } from './ProjectStagesSection.js';

export function DashboardPage() {
  const { incubators, agency, history, error, load, loadOnMount } = useDashboardStore();
  useEffect(() => {
    void loadOnMount();
  }, [loadOnMount]);

  const professional = incubators?.filter((i) => i.incubatorType === '专业型').length ?? 0;
  const qualification = agency?.qualification;
  // Plain markup styled in styles.css rather than antd's Card/Statistic/List: this is the first screen, and those
  // bring tabs, skeletons, pagination and selects along (docs/ui.md, "Code splitting").
  return (
    <div className="wb-dashboard">
      {error && <Alert type="error" showIcon title={error} />}
      {incubators?.length === 0 && (
        <Alert
          type="info"
          showIcon
          title="欢迎使用孵化器培育服务工作台"
          description="先在“服务机构”中填写本机构信息，再新建服务的孵化器；也可以加载几个示例孵化器先熟悉一下。"
          action={<LoadDemoButton onLoaded={() => void load()} />}
        />
      )}
      <div className="wb-stats">
        <section className="wb-panel" aria-labelledby="stat-incubators">
          <h2 id="stat-incubators" className="wb-stat-title">服务中的孵化器</h2>
          <p className="wb-stat-value">
            {incubators?.length ?? '—'}
            <span className="wb-stat-unit">个</span>
          </p>
          <Button type="link" className="wb-link-button" onClick={() => goTo('incubators')}>
            查看孵化器列表
          </Button>
        </section>
        <section className="wb-panel" aria-labelledby="stat-professional">
          <h2 id="stat-professional" className="wb-stat-title">其中专业型孵化器</h2>
          <p className="wb-stat-value">
            {incubators ? professional : '—'}
            <span className="wb-stat-unit">个</span>
          </p>
          <p className="wb-secondary">专业型须填写所属产业领域</p>
        </section>
        <section className="wb-panel" aria-labelledby="stat-staff">
          <h2 id="stat-staff" className="wb-stat-title">本机构服务人员（§4.2）</h2>
          <p className={`wb-stat-value ${qualification?.met ? 'wb-good' : 'wb-attention'}`}>
            {qualification?.serviceStaffCount ?? '—'}
            <span className="wb-stat-unit">人</span>
          </p>
          <p className={qualification?.met ? 'wb-good' : 'wb-attention'}>{qualification?.summary ?? ''}</p>
        </section>
      </div>
      <DueThisWeekSection />
      <ContractRemindersSection />
      <div className="wb-dashboard-lower">
        <ProjectStagesSection />
        <section className="wb-panel" aria-labelledby="dashboard-recent">
          <div className="wb-panel-head">
            <h2 id="dashboard-recent" className="wb-panel-title">
              最近操作
            </h2>
            <Button type="link" size="small" onClick={() => goTo('settings')}>
              全部操作记录
            </Button>
          </div>
          {history.length === 0 ? (
            <p className="wb-secondary">暂无操作记录</p>
          ) : (
            <ul className="wb-recent">
              {history.map((h) => (
                <li key={h.id}>
                  <HistoryEntryText entry={h} />
                  <time dateTime={h.at} className="wb-secondary">
                    {formatDateTime(h.at)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
