import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyPage {
  Component: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code now (e.g. while the first screen waits for the backend). */
  preload(): Promise<unknown>;
}

/**
 * A page loaded on first use, so the first screen downloads and parses only its own code (issue 8.7). The
 * loader runs once; `preload` and React.lazy share its promise.
 */
export function lazyPage<M>(load: () => Promise<M>, exportName: keyof M): LazyPage {
  let loading: Promise<M> | null = null;
  const once = () => (loading ??= load());
  return {
    Component: lazy(async () => ({ default: (await once())[exportName] as ComponentType })),
    preload: once,
  };
}
