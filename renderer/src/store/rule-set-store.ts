// The recognition rule sets (shared by every document kind that checks eligibility) and whether their manager is open.
import { create } from 'zustand';
import type { RuleSet } from '../../../shared/eligibility/rule-set-schema.js';
import { call, errorMessage } from '../api/client.js';

interface RuleSetState {
  ruleSets: RuleSet[];
  error: string | null;
  managerOpen: boolean;
  loadRuleSets(): Promise<void>;
  showManager(open: boolean): void;
}

export const useRuleSetStore = create<RuleSetState>((set) => ({
  ruleSets: [],
  error: null,
  managerOpen: false,
  async loadRuleSets() {
    try {
      set({ ruleSets: await call('ruleSets.list', {}), error: null });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
  showManager(open) {
    set({ managerOpen: open });
  },
}));
