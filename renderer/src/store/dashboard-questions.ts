// What 工作台 asks the backend, as data: the dashboard store asks it, and so does boot.ts before the store's code
// has loaded (neither zustand nor React may be imported here: this is part of the page's first, small script).

export const RECENT_ENTRIES = 8;

export const DASHBOARD_QUESTIONS = {
  incubators: ['incubators.list', { query: '' }],
  agency: ['agency.get', {}],
  history: ['history.list', { limit: RECENT_ENTRIES }],
  reminders: ['contracts.reminders', {}],
  projects: ['projects.list', {}],
  due: ['projects.due', {}],
} as const;
