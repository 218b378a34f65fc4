import { create } from 'zustand';
import type { IncubatorProfile } from '../../../shared/contract/profile-contract.js';
import { call, errorMessage } from '../api/client.js';

interface ProfileState {
  /** The incubator whose profile is open (its id is in the address, #/profiles/<id>), or null. */
  openId: string | null;
  profile: IncubatorProfile | null;
  error: string | null;
  open(id: string): void;
  close(): void;
  load(): Promise<void>;
}

let latestRequest = 0;

export const useProfileStore = create<ProfileState>((set, get) => ({
  openId: null,
  profile: null,
  error: null,
  open(id) {
    set({ openId: id });
  },
  close() {
    set({ openId: null, profile: null, error: null });
  },
  async load() {
    const id = get().openId;
    if (id === null) return;
    const request = ++latestRequest;
    // The profile of another incubator must not show while this one loads.
    if (get().profile?.incubator.id !== id) set({ profile: null });
    try {
      const profile = await call('incubators.profile', { id });
      if (request === latestRequest) set({ profile, error: null });
    } catch (e) {
      if (request === latestRequest) set({ error: errorMessage(e) });
    }
  },
}));
