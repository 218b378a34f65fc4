// Screen readers must hear Chinese (issue 8.5, docs/ui.md "Accessible names"). Ant Design names its icons by
// their English file names (<span role="img" aria-label="info-circle">, inside alerts, messages, dialogs,
// selects, pagination …), and a name inside a button or link becomes part of what is read: 「plus 新建孵化器」.
// Its clear buttons are 「Clear」 and its close buttons 「Close」. These come from inside the library, where no
// prop reaches, so this watcher corrects them as they appear:
//  - an icon next to other words is decoration: hidden from screen readers;
//  - an icon that is all a control shows names the control: it gets the Chinese name of what it does (from the
//    control's tooltip title where antd gives one, else from the table below);
//  - controls labelled with an English word get the Chinese word.
// Chinese labels set on purpose are never touched.

const ICON_ACTIONS: Readonly<Record<string, string>> = {
  close: '关闭',
  'close-circle': '清除',
  search: '搜索',
  left: '上一页',
  right: '下一页',
  'double-left': '向前',
  'double-right': '向后',
  'menu-fold': '收起导航栏',
  'menu-unfold': '展开导航栏',
  delete: '删除',
  plus: '添加',
  download: '下载',
  copy: '复制',
  check: '已复制',
  edit: '编辑',
  ellipsis: '更多',
  down: '展开',
  up: '收起',
  calendar: '选择日期',
  'swap-right': '至',
  reload: '刷新',
};

const CONTROL_LABELS: Readonly<Record<string, string>> = {
  Clear: '清除',
  clear: '清除',
  Close: '关闭',
  close: '关闭',
  Search: '搜索',
  Copy: '复制',
  Copied: '已复制',
  // rc-input-number's step buttons
  'Increase Value': '增加',
  'Decrease Value': '减少',
};

const CONTROL = 'button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="option"]';
const LATIN_ONLY = /^[A-Za-z][A-Za-z0-9 -]*$/;

function isIcon(el: Element): boolean {
  return el.getAttribute('role') === 'img' && el.classList.contains('anticon');
}

/** Whether a control has a name besides its icon: words (icons are drawn, they hold no text) or a label. */
function hasOtherName(control: Element): boolean {
  return Boolean(control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || (control.textContent ?? '').trim());
}

/** antd puts the Chinese tooltip of an icon-only control on it or on its wrapper (pagination's <li title>). */
function titleOf(control: Element): string | null {
  const title = control.getAttribute('title') ?? control.parentElement?.getAttribute('title') ?? null;
  return title && !LATIN_ONLY.test(title) ? title : null;
}

function fixIcon(icon: Element): void {
  const label = icon.getAttribute('aria-label');
  if (!label || !LATIN_ONLY.test(label)) return;
  const control = icon.parentElement?.closest(CONTROL);
  if (control && !hasOtherName(control)) {
    icon.setAttribute('aria-label', titleOf(control) ?? ICON_ACTIONS[label] ?? label);
    return;
  }
  icon.removeAttribute('aria-label');
  icon.removeAttribute('role');
  icon.setAttribute('aria-hidden', 'true');
}

function fixControl(el: Element): void {
  const label = el.getAttribute('aria-label');
  const chinese = label ? CONTROL_LABELS[label] : undefined;
  if (chinese) el.setAttribute('aria-label', chinese);
}

function fixTree(root: Element): void {
  const all = [root, ...root.querySelectorAll('[aria-label]')];
  for (const el of all) {
    if (!el.hasAttribute('aria-label')) continue;
    if (isIcon(el)) fixIcon(el);
    else fixControl(el);
  }
}

/** Corrects what is already there and everything added later; returns the function that stops watching. */
export function watchChineseNames(root: Element = document.body): () => void {
  fixTree(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) fixTree(r.target);
      for (const node of r.addedNodes) if (node instanceof Element) fixTree(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
