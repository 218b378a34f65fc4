import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { installBridge } from './real-backend.js';

installBridge();

afterEach(() => cleanup());
