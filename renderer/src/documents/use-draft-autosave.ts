import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValue } from '../../../shared/forms/field-definition.js';
import type { DocumentKind } from '../../../shared/forms/registry.js';
import type { DocumentLists } from '../../../shared/forms/document-data.js';
import { call, errorMessage } from '../api/client.js';

/** What the editor saves: the values as typed (meta fields included) and the list items. */
export interface DraftPayload {
  values: Record<string, FieldValue>;
  lists: DocumentLists;
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 600;
const storageKey = (id: string) => `wb-document-draft:${id}`;

/**
 * Saves a document draft as the consultant types: 600 ms after the last change, at once on blur, and when the
 * window is hidden or closed. Every change is first written to localStorage synchronously, so a draft survives
 * even when the app is closed before the save reaches the backend; the editor restores it on the next open.
 */
export function useDraftAutosave(kind: DocumentKind, id: string) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<DraftPayload | null>(null);
  const revision = useRef(0);
  const savedRevision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const payload = latest.current;
      const rev = revision.current;
      if (!payload || rev === savedRevision.current) return;
      setState({ kind: 'saving' });
      try {
        await call('documents.saveDraft', { kind, id, ...payload });
        savedRevision.current = rev;
        if (rev === revision.current) localStorage.removeItem(storageKey(id));
        setState({ kind: 'saved', at: new Date() });
      } catch (e) {
        // The draft stays in localStorage and in the form; the next change or blur tries again.
        setState({ kind: 'error', message: errorMessage(e) });
      }
    });
    return chain.current;
  }, [kind, id]);

  const change = useCallback(
    (payload: DraftPayload, immediate = false) => {
      latest.current = payload;
      revision.current++;
      try {
        localStorage.setItem(storageKey(id), JSON.stringify({ payload, at: Date.now() }));
      } catch {
        // Storage full or disabled: the backend save below still runs.
      }
      clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [id, flush],
  );

  /** A draft left in localStorage by a session that ended before its save went through. */
  const unsavedLocalDraft = useCallback((): DraftPayload | null => {
    try {
      const text = localStorage.getItem(storageKey(id));
      if (!text) return null;
      const parsed = JSON.parse(text) as { payload?: Partial<DraftPayload> };
      return parsed.payload?.values ? { values: parsed.payload.values, lists: parsed.payload.lists ?? {} } : null;
    } catch {
      return null;
    }
  }, [id]);

  const discardLocalDraft = useCallback(() => localStorage.removeItem(storageKey(id)), [id]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { state, change, flush, unsavedLocalDraft, discardLocalDraft };
}
