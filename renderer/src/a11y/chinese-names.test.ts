import { afterEach, describe, expect, it } from 'vitest';
import { watchChineseNames } from './chinese-names.js';

const icon = (name: string) => `<span role="img" aria-label="${name}" class="anticon anticon-${name}"><svg></svg></span>`;
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  stop = watchChineseNames(document.body);
  return document.body;
}

describe('watchChineseNames', () => {
  it('hides an icon beside words, so a button reads 「新建孵化器」, not 「plus 新建孵化器」', () => {
    const body = mount(`<button>${icon('plus')}<span>新建孵化器</span></button><div role="alert">${icon('info-circle')}已保存</div>`);
    const icons = body.querySelectorAll('.anticon');
    for (const i of icons) {
      expect(i.getAttribute('aria-hidden')).toBe('true');
      expect(i.hasAttribute('aria-label')).toBe(false);
      expect(i.hasAttribute('role')).toBe(false);
    }
  });

  it('names an icon-only control in Chinese: from its tooltip title, else by what the icon does', () => {
    const body = mount(`<li title="上一页"><button>${icon('left')}</button></li><button class="x">${icon('close')}</button>`);
    const [left, close] = body.querySelectorAll('.anticon');
    expect(left!.getAttribute('aria-label')).toBe('上一页');
    expect(close!.getAttribute('aria-label')).toBe('关闭');
  });

  it('translates English control labels and hides the icon inside', () => {
    const body = mount(`<button aria-label="Close">${icon('close')}</button><button aria-label="Clear">×</button>`);
    const [close, clear] = body.querySelectorAll('button');
    expect(close!.getAttribute('aria-label')).toBe('关闭');
    expect(close!.querySelector('.anticon')!.getAttribute('aria-hidden')).toBe('true');
    expect(clear!.getAttribute('aria-label')).toBe('清除');
  });

  it('leaves Chinese names alone, and corrects what appears later', async () => {
    const body = mount(`<button>${icon('plus')}</button>`);
    const own = document.createElement('span');
    own.innerHTML = `<span role="img" aria-label="同步冲突" class="anticon"></span><button aria-label="Clear"></button>`;
    body.appendChild(own);
    await new Promise((r) => setTimeout(r, 0)); // MutationObserver callbacks run as microtasks
    expect(own.querySelector('.anticon')!.getAttribute('aria-label')).toBe('同步冲突');
    expect(own.querySelector('button')!.getAttribute('aria-label')).toBe('清除');
    expect(body.querySelector('button .anticon')!.getAttribute('aria-label')).toBe('添加');
  });
});
