// Injected by the build (esbuild define); the source tree reads package.json's version through the same name.
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.1.0-dev';
