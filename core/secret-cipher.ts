// The desktop shell hands the OS keychain's encryption (Electron's safeStorage) to the secret store here: the
// shell may only import core/ and shared/ (docs/sync.md §Secrets).
export { useSecretCipher, type SecretCipher } from '../db/secret-store.js';
