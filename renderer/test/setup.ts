import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { installBridge } from './real-backend.js';
import { watchChineseNames } from '../src/a11y/chinese-names.js';

installBridge();
// A round trip to the real backend on a shared 2-core machine (CI runs the node tests beside these) can take seconds.
configure({ asyncUtilTimeout: 15_000 });
// As in main.tsx: components are tested with the names screen readers will hear.
watchChineseNames(document.body);

afterEach(() => cleanup());
