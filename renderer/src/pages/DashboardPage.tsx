import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, List, Row, Statistic, Typography } from 'antd';
import type { AgencyView } from '../../../shared/contract/agency-contract.js';
import type { HistoryEntry } from '../../../shared/contract/history-contract.js';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import { call, errorMessage } from '../api/client.js';
import { goTo } from '../navigation/router.js';
import { LoadDemoButton } from '../components/LoadDemoButton.js';
import { formatDateTime } from '../components/backup-labels.js';
import { HistoryEntryText } from '../components/HistoryEntryText.js';

const PROCESS = ['宣传与洽谈', '分析与诊断', '委托与签约', '制定培育方案', '组织实施', '总结与跟踪', '服务改进'];
const RECENT_ENTRIES = 8;

export function DashboardPage() {
  const [incubators, setIncubators] = useState<IncubatorSummary[] | null>(null);
  const [agency, setAgency] = useState<AgencyView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([call('incubators.list', { query: '' }), call('agency.get', {}), call('history.list', { limit: RECENT_ENTRIES })])
      .then(([list, a, h]) => {
        setIncubators(list);
        setAgency(a);
        setHistory(h.entries);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const professional = incubators?.filter((i) => i.incubatorType === '专业型').length ?? 0;
  return (
    <div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {incubators?.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="欢迎使用孵化器培育服务工作台"
          description="先在“服务机构”中填写本机构信息，再新建服务的孵化器；也可以加载几个示例孵化器先熟悉一下。"
          action={<LoadDemoButton onLoaded={load} />}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title="服务中的孵化器" value={incubators?.length ?? '—'} suffix="个" />
            <Button type="link" style={{ padding: 0 }} onClick={() => goTo('incubators')}>
              查看孵化器列表
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title="其中专业型孵化器" value={incubators ? professional : '—'} suffix="个" />
            <Typography.Text type="secondary">专业型须填写所属产业领域</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title="本机构服务人员（§4.2）"
              value={agency?.qualification.serviceStaffCount ?? '—'}
              suffix="人"
              styles={{ content: { color: agency?.qualification.met ? '#237804' : '#ad4e00' } }}
            />
            <Typography.Text type={agency?.qualification.met ? 'success' : 'warning'}>
              {agency ? agency.qualification.summary : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="服务流程（T/GXAS 453-2023 图 1）" size="small">
            <ol style={{ margin: 0, paddingLeft: 20, lineHeight: 2 }}>
              {PROCESS.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ol>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title="最近操作"
            size="small"
            extra={
              <Button type="link" size="small" onClick={() => goTo('settings')}>
                全部操作记录
              </Button>
            }
          >
            <List
              size="small"
              dataSource={history}
              locale={{ emptyText: '暂无操作记录' }}
              renderItem={(h) => (
                <List.Item extra={<Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Typography.Text>}>
                  <HistoryEntryText entry={h} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
