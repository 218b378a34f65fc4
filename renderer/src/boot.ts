// The page's first script: it asks the backend for what the first screen shows before the app's code (React,
// antd, the stores) has been loaded and started, which on a slow laptop takes longer than the answers
// (bench/first-screen.ts; docs/ui.md, "First screen"). main.tsx then takes these answers.
import { askEarly } from './api/first-calls.js';
import { normalizePath } from './navigation/address.js';
import { DASHBOARD_QUESTIONS } from './store/dashboard-questions.js';

askEarly('system.status', {});
if (normalizePath(window.location.hash) === '/dashboard') {
  for (const [method, input] of Object.values(DASHBOARD_QUESTIONS)) askEarly(method, input);
}
