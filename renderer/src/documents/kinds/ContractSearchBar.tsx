// The contract list's search (issue 9.6): by number, party or project, by status, and by end of term within a
// window. It narrows the generic document list to the contracts found (`contracts.search`).
import { useEffect, useState } from 'react';
import { Input, Select, Space } from 'antd';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../../shared/contract-terms/index.js';
import { call } from '../../api/client.js';

const WINDOWS = [30, 60, 90, 180];

export function ContractSearchBar({ onFound, refresh }: { onFound: (ids: Set<string> | null) => void; refresh: unknown }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ContractStatus | undefined>();
  const [within, setWithin] = useState<number | undefined>();
  useEffect(() => {
    if (!text.trim() && !status && within === undefined) {
      onFound(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      call('contracts.search', { text, ...(status ? { status } : {}), ...(within !== undefined ? { expiringWithinDays: within } : {}) })
        .then((rows) => !stale && onFound(new Set(rows.map((r) => r.id))))
        .catch(() => !stale && onFound(null));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, status, within, onFound, refresh]);
  return (
    <Space wrap>
      <Input.Search allowClear aria-label="搜索合同" placeholder="合同编号、甲方、乙方或项目名称" style={{ width: 280 }} value={text} onChange={(e) => setText(e.target.value)} />
      <Select<ContractStatus>
        allowClear
        aria-label="合同状态"
        placeholder="全部状态"
        style={{ width: 130 }}
        value={status}
        onChange={setStatus}
        options={CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }))}
      />
      <Select<number>
        allowClear
        aria-label="到期时间"
        placeholder="到期时间不限"
        style={{ width: 150 }}
        value={within}
        onChange={setWithin}
        options={WINDOWS.map((d) => ({ value: d, label: `${d} 天内到期` }))}
      />
    </Space>
  );
}
