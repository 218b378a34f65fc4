import { useEffect, useState } from 'react';
import { Alert, App, Button } from 'antd';
import { call, errorMessage } from '../../api/client.js';

interface Props {
  ruleSetId: string;
  onApplied(id: string): void;
}

/**
 * An agency copy of an older built-in rule set is offered the built-in set's corrections (e.g. 「70%以上」 now
 * includes 70 %), never changed without asking; the agency's own edits stay.
 */
export function RuleSetCorrections({ ruleSetId, onApplied }: Props) {
  const { message } = App.useApp();
  const [changes, setChanges] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    call('ruleSets.corrections', {})
      .then((all) => !cancelled && setChanges(all.find((c) => c.ruleSetId === ruleSetId)?.changes ?? []))
      .catch((e: unknown) => message.error(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [ruleSetId, message]);

  if (changes.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title="此规则集复制自旧版内置规则集，内置规则集已作如下更正："
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      }
      action={
        <Button
          size="small"
          type="primary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await call('ruleSets.applyCorrections', { id: ruleSetId });
              message.success('已应用更正');
              setChanges([]);
              onApplied(ruleSetId);
            } catch (e) {
              message.error(errorMessage(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          应用更正
        </Button>
      }
    />
  );
}
