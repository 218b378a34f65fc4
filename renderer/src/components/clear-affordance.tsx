// antd's clear buttons are named in English: a Select's says 「Clear」 (rc-select's default label) and an
// Input's is named by its icon, 「close-circle」. Pass these as `allowClear` so screen readers hear 「清除」.
import type { InputProps, SelectProps } from 'antd';
import { CloseCircleFilled } from './icons.js';

export const SELECT_CLEAR = { clearIcon: <CloseCircleFilled />, label: '清除' } satisfies SelectProps['allowClear'];

export const INPUT_CLEAR = { clearIcon: <CloseCircleFilled aria-label="清除" /> } satisfies InputProps['allowClear'];
