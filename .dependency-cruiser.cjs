// The layers of Duban and the one direction their imports may point (docs/architecture.md):
//
//   domain/      pure rules                       imports nothing of Duban's but domain/
//   runtime/     config, database, Temporal       imports domain/ only
//   readmodel/   every write to the read model    imports domain/ and runtime/
//   workflows/   deterministic Temporal code      imports domain/, and activities/ by type only
//   activities/  what workflows do outside        imports domain/, runtime/, readmodel/
//   services/    application use-cases            imports domain/, runtime/, readmodel/, workflows/ (definitions)
//   api/ worker/ scripts/                         entry points over the layers below
//   admin-ui/    the console                      imports domain/ only
//
// test/test-layering.test.ts runs this in `npm test`, so a wrong arrow fails CI.
// Tests (*.test.ts), test/ and bench/ may import anything; nothing else imports them.

const tests = '(^test/|^bench/|[.]test[.]tsx?$)';
const layer = (name) => `^${name}/`;

/** A rule: what `from` (not a test) may not import. */
const forbid = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: tests },
  to: { ...to },
  ...extra,
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: break it by moving what both need below them.',
      severity: 'error',
      from: { pathNot: tests },
      to: { circular: true },
    },
    forbid('domain-is-pure', 'domain/ holds rules with no I/O, shared by workflows, API and console: it imports only itself and pure libraries.',
      layer('domain'), { pathNot: [layer('domain'), '^node_modules/(chinese-days|@noble/hashes)/'] }),
    forbid('domain-no-node', 'domain/ runs inside the workflow sandbox and the browser: no Node built-ins.',
      layer('domain'), { dependencyTypes: ['core'] }),
    forbid('runtime-is-the-floor', 'runtime/ (config, database, Temporal connection, processes) is imported by everything and imports nothing above it.',
      layer('runtime'), { path: ['^(workflows|activities|readmodel|services|api|worker|scripts|admin-ui)/'] }),
    forbid('readmodel-writes-only', 'readmodel/ writes rows; it starts no workflow and knows no caller.',
      layer('readmodel'), { path: ['^(workflows|activities|services|api|worker|scripts|admin-ui)/'] }),
    forbid('workflows-are-deterministic', 'Workflows reach only Temporal\'s workflow API and pure domain code: no database, network, Node built-ins or services.',
      layer('workflows'), { path: ['^(runtime|readmodel|services|api|worker|scripts|admin-ui|prisma)/', '^node_modules/(?!@temporalio/(workflow|common)/)'] }),
    forbid('workflows-no-node', 'Workflows run in Temporal\'s deterministic sandbox: no Node built-ins.',
      layer('workflows'), { dependencyTypes: ['core'] }),
    forbid('workflows-import-activities-by-type', 'A workflow calls activities through proxyActivities<Activities>: it imports their type, never their code.',
      layer('workflows'), { path: layer('activities'), dependencyTypesNot: ['type-only'] }),
    forbid('activities-serve-workflows', 'activities/ is I/O for workflows: the types it shares with them live in domain/; it starts no workflow and serves no caller.',
      layer('activities'), { path: ['^(workflows|services|api|worker|scripts|admin-ui)/'] }),
    forbid('services-below-entry-points', 'services/ (use-cases) serve api/, scripts/ and worker/; they never call activity code directly (one path per write: readmodel/).',
      layer('services'), { path: ['^(activities|api|worker|scripts|admin-ui)/'] }),
    forbid('api-through-services', 'The API writes through services/ and acts through workflow updates, never through activity or read-model writer code.',
      layer('api'), { path: ['^(activities|readmodel|worker|scripts|admin-ui)/'] }),
    forbid('worker-runs-activities', 'The worker process hosts workflows and activities; it serves no HTTP.',
      layer('worker'), { path: ['^(api|scripts|admin-ui)/'] }),
    forbid('console-reads-the-api', 'The console talks to the API over GraphQL; of the server code it shares only the pure domain rules.',
      layer('admin-ui'), { path: ['^(runtime|readmodel|workflows|activities|services|api|worker|scripts|prisma)/'] }),
    forbid('nothing-imports-tests', 'Production code never imports test helpers or benchmarks (recording histories and writing document fixtures are test tooling).',
      '^(domain|runtime|readmodel|workflows|activities|services|api|worker|admin-ui|scripts)/', { path: '^(test|bench)/' },
      { from: { path: '^(domain|runtime|readmodel|workflows|activities|services|api|worker|admin-ui|scripts)/', pathNot: [tests, '^scripts/(record-histories|make-notice-fixtures)[.]ts$'] } }),
    forbid('nothing-imports-scripts', 'scripts/ are entry points: nothing imports them but each other.',
      '^(domain|runtime|readmodel|workflows|activities|services|api|worker|admin-ui)/', { path: '^scripts/' }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|[.]tools|data|admin-ui/dist|prisma/generated|prisma/postgres/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    combinedDependencies: false,
  },
};
