// The address ↔ store binding (docs/ui.md, "Routes"), in a DOM with a real history and hash.
import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { bindRecordRoute, goTo, navigate, resetRouterForTests, setLeaveGuard, startRouter, useRoute } from './router.js';

interface RecordStore {
  openId: string | null;
  other: number;
}

const useThings = create<RecordStore>(() => ({ openId: null, other: 0 }));
const hash = () => window.location.hash;

/** Waits until the browser has delivered the history events of a back/forward step. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
}

let started = false;
beforeEach(async () => {
  window.history.replaceState(null, '', '#/dashboard');
  await settle();
  resetRouterForTests();
  useThings.setState({ openId: null, other: 0 });
  bindRecordRoute('/things/', 'incubators', useThings, 'openId');
  if (!started) {
    startRouter();
    started = true;
  }
});

describe('address → store', () => {
  it('an address naming a record opens it in its store and shows its page', async () => {
    window.location.hash = '#/things/abc%2F1';
    await settle();
    expect(useThings.getState().openId).toBe('abc/1');
    expect(useRoute.getState()).toEqual({ path: '/things/abc%2F1', page: 'incubators' });

    window.location.hash = '#/settings';
    await settle();
    expect(useThings.getState().openId).toBeNull();
    expect(useRoute.getState().page).toBe('settings');
  });

  it('an unknown or empty address is the dashboard', async () => {
    window.location.hash = '#/nowhere';
    await settle();
    expect(useRoute.getState().page).toBe('dashboard');
    window.location.hash = '';
    await settle();
    expect(useRoute.getState().path).toBe('/dashboard');
  });
});

describe('store → address', () => {
  it('opening a record pushes its address; closing goes back to where it was opened from', async () => {
    goTo('settings');
    useThings.setState({ openId: 'r1' });
    expect(hash()).toBe('#/things/r1');
    expect(useRoute.getState().page).toBe('incubators');

    // Browsers go back asynchronously; further changes of the same store before that must not go back twice.
    const realBack = window.history.back.bind(window.history);
    let backs = 0;
    window.history.back = () => {
      backs += 1;
      setTimeout(realBack, 20);
    };
    try {
      useThings.setState({ openId: null });
      useThings.setState({ other: 1 });
      useThings.setState({ other: 2 });
      await settle();
      await new Promise((r) => setTimeout(r, 40));
    } finally {
      window.history.back = realBack;
    }
    expect(backs).toBe(1);
    expect(hash()).toBe('#/settings');
    expect(useRoute.getState().page).toBe('settings');
  });

  it('the back button closes the record', async () => {
    goTo('incubators');
    useThings.setState({ openId: 'r2' });
    window.history.back();
    await settle();
    expect(useThings.getState().openId).toBeNull();
    expect(hash()).toBe('#/incubators');
  });

  it('a record opened from a reloaded address closes to its list, replacing the entry', async () => {
    window.history.replaceState(null, '', '#/things/r3');
    resetRouterForTests();
    bindRecordRoute('/things/', 'incubators', useThings, 'openId');
    expect(useThings.getState().openId).toBe('r3');
    const length = window.history.length;
    useThings.setState({ openId: null });
    await settle();
    expect(hash()).toBe('#/incubators');
    expect(window.history.length).toBe(length);
  });

  it('closing a record opened from another record goes to the list, not back into the other record', async () => {
    goTo('incubators');
    useThings.setState({ openId: 'new' });
    useThings.setState({ openId: 'r7' }); // e.g. the link to the incubator that already has the typed code
    expect(hash()).toBe('#/things/r7');
    useThings.setState({ openId: null });
    await settle();
    expect(hash()).toBe('#/incubators');
    expect(useThings.getState().openId).toBeNull();
  });
});

describe('records of two kinds', () => {
  it('closing a record opened from a record of another kind goes back to that record', async () => {
    const useOthers = create<RecordStore>(() => ({ openId: null, other: 0 }));
    bindRecordRoute('/others/', 'projects', useOthers, 'openId');
    goTo('incubators');
    useThings.setState({ openId: 'r8' });
    navigate('/others/p1'); // e.g. the profile opened from a project
    expect(useOthers.getState().openId).toBe('p1');
    useOthers.setState({ openId: null });
    await settle();
    expect(hash()).toBe('#/things/r8');
    expect(useThings.getState().openId).toBe('r8');
  });
});

describe('leave guard (unsaved edits)', () => {
  it('the back button asks; "keep editing" keeps the record and its address', async () => {
    goTo('incubators');
    useThings.setState({ openId: 'r4' });
    const asked: string[] = [];
    setLeaveGuard(async () => {
      asked.push(hash());
      return false;
    });
    window.history.back();
    await settle();
    expect(asked).toHaveLength(1);
    expect(useThings.getState().openId).toBe('r4');
    expect(hash()).toBe('#/things/r4');
  });

  it('"discard" lets the address change and closes the record', async () => {
    goTo('incubators');
    useThings.setState({ openId: 'r5' });
    setLeaveGuard(async () => true);
    navigate('/settings');
    await settle();
    expect(useThings.getState().openId).toBeNull();
    expect(useRoute.getState().page).toBe('settings');
  });

  it('closing the record itself (after the editor asked) is not asked again', async () => {
    goTo('incubators');
    useThings.setState({ openId: 'r6' });
    let asked = 0;
    setLeaveGuard(async () => {
      asked += 1;
      return false;
    });
    useThings.setState({ openId: null });
    await settle();
    expect(asked).toBe(0);
    expect(hash()).toBe('#/incubators');
  });
});
