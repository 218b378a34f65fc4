// A sync server address the user typed: plain http:// is fine on this machine, and needs the user's explicit
// consent anywhere else, since the password and every record would cross the network unencrypted (docs/sync.md
// §Secrets).

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The user must confirm this address before anything is sent to it: plain HTTP to another machine. */
export function needsInsecureConsent(serverUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return false; // the login's own check says the address is invalid
  }
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

export class InsecureServerUrl extends Error {
  constructor(readonly serverUrl: string) {
    super(`服务器地址 ${serverUrl} 使用明文 http://：密码和数据会不加密地经过网络，可能被他人截获。请改用 https:// 地址；如确认该网络可信，可选择仍然登录。`);
    this.name = 'InsecureServerUrl';
  }
}
