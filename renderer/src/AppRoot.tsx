import { Suspense } from 'react';
import { useAppStore } from './store/app-store.js';
import { AppFrame } from './components/AppFrame.js';
import { lazyPage } from './navigation/lazy-page.js';

// Shown only when the backend or the database cannot be used: their code is not part of the first screen.
const recovery = lazyPage(() => import('./pages/RecoveryScreen.js'), 'RecoveryScreen');
const unavailable = lazyPage(() => import('./pages/BackendUnavailable.js'), 'BackendUnavailable');

/** What the window shows: the app, or — when the backend or the database is not there — why not. */
export function AppRoot() {
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);

  if (loadError) {
    return (
      <main>
        <Suspense fallback={<p>无法连接工作台后台：{loadError}</p>}>
          <unavailable.Component />
        </Suspense>
      </main>
    );
  }
  // Plain text while the first answer is awaited (milliseconds): antd's Spin would cost more to style than it shows.
  if (!status) return <p className="wb-opening">正在打开工作台…</p>;
  if (status.database.state === 'problem') {
    return (
      <main>
        <Suspense fallback={<p className="wb-opening">正在打开工作台…</p>}>
          <recovery.Component />
        </Suspense>
      </main>
    );
  }
  return <AppFrame />;
}
