import { spawn } from 'node:child_process';

/** Opens the default browser; failure is not fatal (the URL is printed anyway). */
export function openDefaultBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log('未能自动打开浏览器，请手动打开上面的地址。'));
    child.unref();
  } catch {
    console.log('未能自动打开浏览器，请手动打开上面的地址。');
  }
}
