import { create } from 'zustand';
import type { AgencyView } from '../../../shared/contract/agency-contract.js';
import type { ReminderView } from '../../../shared/contract/contracts-contract.js';
import type { HistoryEntry } from '../../../shared/contract/history-contract.js';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import type { DueItem, ProjectSummary } from '../../../shared/contract/projects-contract.js';
import { errorMessage } from '../api/client.js';
import { callFirst } from '../api/first-calls.js';
import { DASHBOARD_QUESTIONS as Q } from './dashboard-questions.js';


interface DashboardState {
  incubators: IncubatorSummary[] | null;
  agency: AgencyView | null;
  history: HistoryEntry[];
  /** Every open reminder of every contract (合同提醒); null until read. */
  reminders: ReminderView[] | null;
  /** Every cultivation project and what their records make due this week (本周待办); null until read. */
  projects: ProjectSummary[] | null;
  due: DueItem[] | null;
  error: string | null;
  /** A failure to read the projects is shown in their panels. */
  projectsError: string | null;
  /** A failure to read the reminders is shown in their panel; the figures above still show. */
  remindersError: string | null;
  /** Reads what 工作台 shows. Calls made while one is under way share it. */
  load(): Promise<void>;
  /** At start-up, before the page exists: its first mount shows this answer instead of asking again. */
  prime(): Promise<void>;
  /** The page's mount: reads again, unless start-up has asked and was answered (then it shows that answer). */
  loadOnMount(): Promise<void>;
}

let inFlight: Promise<void> | null = null;
let primed = false;

/**
 * 工作台's figures, reminders and recent history. A store rather than page state so that the first screen can ask
 * for them at start-up, while the app's code is still starting (renderer/src/main.tsx, docs/ui.md).
 */
export const useDashboardStore = create<DashboardState>((set, get) => ({
  incubators: null,
  agency: null,
  history: [],
  reminders: null,
  projects: null,
  due: null,
  error: null,
  remindersError: null,
  projectsError: null,
  load() {
    if (inFlight) return inFlight;
    const reminders = callFirst(...Q.reminders).then(
      (r) => set({ reminders: r, remindersError: null }),
      (e: unknown) => set({ remindersError: errorMessage(e) }),
    );
    const figures = Promise.all([callFirst(...Q.incubators), callFirst(...Q.agency), callFirst(...Q.history)])
      .then(([incubators, agency, history]) => set({ incubators, agency, history: history.entries, error: null }))
      .catch((e: unknown) => set({ error: errorMessage(e) }));
    const projects = Promise.all([callFirst(...Q.projects), callFirst(...Q.due)]).then(
      ([p, due]) => set({ projects: p, due, projectsError: null }),
      (e: unknown) => set({ projectsError: errorMessage(e) }),
    );
    inFlight = Promise.all([figures, reminders, projects])
      .then(() => undefined)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
  prime() {
    primed = true;
    return get().load();
  },
  async loadOnMount() {
    if (!primed) return get().load();
    primed = false;
    await inFlight;
    // A start-up read that failed (the database needed recovery first, say) is read again now.
    if (get().error !== null || get().remindersError !== null || get().projectsError !== null) await get().load();
  },
}));
