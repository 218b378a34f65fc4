// The layering of ../shared/spec/architecture.md, checked by a machine: one rule per folder, listing what it
// may not import. `npm run lint` fails on any breach.
const OURS = ['shared', 'db', 'templates', 'core', 'electron', 'renderer', 'server', 'tests', 'bench'];
// Unit tests sit beside their code and may use test support from tests/ (architecture.md: tests import anything);
// renderer/test/ is the renderer tests' own support (the real backend behind the preload bridge).
const TESTS = '(\\.test\\.tsx?$|^renderer/test/)';
const notIn = (allowed) => `^(${OURS.filter((f) => !allowed.includes(f)).join('|')})/`;

const layer = (folder, allowed, comment) => ({
  name: `${folder}-imports-only-${allowed.length ? allowed.join('-') : 'nothing-of-ours'}`,
  comment,
  severity: 'error',
  from: { path: `^${folder}/`, pathNot: TESTS },
  to: { path: notIn([folder, ...allowed]) },
});

module.exports = {
  forbidden: [
    layer('shared', [], 'shared/ is pure TypeScript every layer uses; it imports nothing of ours.'),
    layer('db', ['shared'], 'db/ is the local store: it may use shared/ only.'),
    layer('templates', ['shared'], 'templates/ lays out documents from shared/ definitions only.'),
    layer('core', ['shared', 'db', 'templates'], 'core/ is the local backend; it never reaches into the UI, the shell or the server.'),
    layer('electron', ['core', 'shared'], 'electron/ is a thin shell over core/.'),
    layer('renderer', ['shared'], 'renderer/ reaches the backend only through the contract in shared/.'),
    layer('server', ['shared'], 'server/ shares only the protocol and domain types with the app.'),
    {
      name: 'only-electron-imports-electron',
      comment: 'Nothing but electron/ may depend on Electron; core stays plain Node so browser mode and the CLI run it.',
      severity: 'error',
      from: { pathNot: '^electron/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'shared-and-renderer-use-no-node-builtins',
      comment: 'shared/ runs in the renderer too, and the renderer is sandboxed: no Node built-ins.',
      severity: 'error',
      from: { path: '^(shared|renderer)/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
