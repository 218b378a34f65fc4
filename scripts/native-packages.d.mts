/** See native-packages.mjs. */
export declare const NATIVE_PACKAGES: string[];
