// Packages that load native binaries or files at run time: never bundled by esbuild (the app's Node build and the
// tests' child-process bundles), always resolved from node_modules (and unpacked from the asar by electron-builder).
export const NATIVE_PACKAGES = ['better-sqlite3', 'sharp', '@resvg/resvg-js'];
