import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyPage {
  Component: LazyExoticComponent<ComponentType> | ComponentType;
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

/**
 * A page bundled with the first screen: 工作台, which the app opens on. Loading it on demand would cost one more
 * round trip after the startup code, before anything shows (bench/first-screen.ts).
 */
export function eagerPage(Component: ComponentType): LazyPage {
  return { Component, preload: () => Promise.resolve(Component) };
}
