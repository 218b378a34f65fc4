import { Button } from 'antd';
import { navigate } from '../navigation/router.js';

interface Props {
  incubatorId: string;
  /** Names the button for a screen reader (「南宁…孵化器」的画像); the plain 「画像」 while it is not known yet. */
  incubatorName?: string | undefined;
  type?: 'link' | 'default';
}

/**
 * 「画像」: opens the incubator's profile (#/profiles/<id>, docs/process.md §Profile) from wherever the incubator is
 * shown — its row in the list, its editor, a project of it. Through the router: unsaved edits are asked about
 * first, and the profile's 返回 comes back here.
 */
export function ProfileButton({ incubatorId, incubatorName, type = 'default' }: Props) {
  return (
    <Button
      type={type}
      size={type === 'link' ? 'small' : 'middle'}
      // antd spaces two Chinese characters apart (「画 像」): the visible text must stay inside the accessible name.
      autoInsertSpace={false}
      aria-label={incubatorName ? `「${incubatorName}」的画像` : undefined}
      onClick={() => navigate(`/profiles/${encodeURIComponent(incubatorId)}`)}
    >
      画像
    </Button>
  );
}
