import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { installBridge } from './real-backend.js';
import { watchChineseNames } from '../src/a11y/chinese-names.js';

installBridge();
// As in main.tsx: components are tested with the names screen readers will hear.
watchChineseNames(document.body);

afterEach(() => cleanup());
