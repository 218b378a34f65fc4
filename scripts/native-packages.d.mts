/** See native-packages.mjs. */
export declare const NATIVE_PACKAGES: string[];
/** See native-packages.mjs. */
export declare const SERVER_EXTERNAL_PACKAGES: string[];
/** See native-packages.mjs. */
export declare const ESM_SHIM: string;
