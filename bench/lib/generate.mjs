// Generates realistic GitHub workflow, Docker Compose and Kubernetes documents of a given number
// of lines, with a few findings of each category sprinkled in (a hardcoded token, a password, an
// http:// endpoint, write-all permissions, a privileged container...). Deterministic: the same
// size gives the same text, so runs compare. Fake credentials are assembled at run time so that
// secret scanners run on this repository do not trip over literals in its source.
const rng = (seed) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const token = (rand, n) => Array.from({ length: n }, () => ALNUM[Math.floor(rand() * ALNUM.length)]).join('');
const GH = ['gh', 'p_'].join('');
const SK = ['sk', '_live_'].join('');

const WORDS = ['build', 'test', 'lint', 'deploy', 'package', 'release', 'docs', 'e2e', 'bench', 'audit', 'publish', 'migrate'];
const IMAGES = ['node:20-alpine', 'postgres:16', 'redis:7', 'nginx:1.27', 'python:3.12-slim', 'grafana/grafana:11.1.0', 'busybox:1.36'];

/** Lines of a GitHub Actions workflow: header, then jobs of steps until `lines` is reached. */
export function workflow(lines, seed = 1) {
  const rand = rng(seed);
  const out = [
    'name: CI',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    'permissions: write-all',
    'env:',
    '  NODE_VERSION: "20"',
    `  GITHUB_TOKEN_FALLBACK: ${GH}${token(rand, 36)}`,
    'jobs:',
  ];
  let job = 0;
  while (out.length < lines) {
    const name = `${pick(rand, WORDS)}-${job++}`;
    out.push(`  ${name}:`, '    runs-on: ubuntu-latest', '    timeout-minutes: 30');
    if (job % 3 === 0) out.push('    permissions:', '      contents: write', '      id-token: write');
    out.push('    env:', `      API_URL: ${job % 4 === 0 ? 'http' : 'https'}://api-${job}.example.com/v1`, `      DB_PASSWORD: ${job % 5 === 0 ? `"${token(rand, 14)}"` : '${{ secrets.DB_PASSWORD }}'}`);
    out.push('    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4', '        with:', '          node-version: ${{ env.NODE_VERSION }}', "          cache: 'npm'");
    const steps = 3 + Math.floor(rand() * 4);
    for (let s = 0; s < steps && out.length < lines; s++) {
      out.push(`      - name: ${pick(rand, WORDS)} step ${s}`);
      if (rand() < 0.7) {
        out.push('        run: |', '          npm ci --no-audit', `          npm run ${pick(rand, WORDS)} -- --reporter=dot`);
        if (rand() < 0.25) out.push(`          curl -sSf ${rand() < 0.5 ? '-k ' : ''}http://downloads-${s}.example.org/tool.tar.gz | tar xz`);
        if (rand() < 0.1) out.push(`          docker login -u ci -p ${token(rand, 16)} registry.example.com`);
        out.push('          echo "done"');
      } else {
        out.push(`        uses: some-org/action-${pick(rand, WORDS)}@v${1 + Math.floor(rand() * 3)}`, '        with:', `          token: \${{ secrets.GITHUB_TOKEN }}`, `          path: dist/${pick(rand, WORDS)}`);
      }
      if (rand() < 0.15) out.push('        env:', `          STRIPE_KEY: ${SK}${token(rand, 24)}`);
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** A Docker Compose file: services with images, ports, environment and volumes. */
export function compose(lines, seed = 2) {
  const rand = rng(seed);
  const out = ['services:'];
  let n = 0;
  while (out.length < lines) {
    const svc = `${pick(rand, WORDS)}-${n++}`;
    out.push(`  ${svc}:`, `    image: ${pick(rand, IMAGES)}`, '    restart: unless-stopped');
    if (n % 7 === 0) out.push('    privileged: true');
    if (n % 9 === 0) out.push('    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock');
    else out.push('    volumes:', `      - ./data/${svc}:/data`);
    out.push('    ports:', `      - "${8000 + n}:80"`, '    environment:');
    out.push(`      LOG_LEVEL: info`, `      UPSTREAM_URL: ${n % 3 === 0 ? 'http' : 'https'}://upstream-${n}.example.net:8443/api`);
    if (n % 4 === 0) out.push(`      POSTGRES_PASSWORD: ${token(rand, 12)}`);
    else out.push('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}');
    if (n % 6 === 0) out.push(`      DATABASE_URL: postgres://app:${token(rand, 10)}@db-${n}:5432/app`);
    out.push('    depends_on:', '      - db', '    healthcheck:', `      test: ["CMD", "curl", "-f", "http://localhost:${8000 + n}/health"]`, '      interval: 30s');
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** A multi-document Kubernetes manifest: Deployments, Services, Secrets and RBAC. */
export function kubernetes(lines, seed = 3) {
  const rand = rng(seed);
  const out = [];
  let n = 0;
  while (out.length < lines) {
    const name = `${pick(rand, WORDS)}-${n++}`;
    if (out.length) out.push('---');
    const kind = n % 5;
    if (kind === 1) {
      out.push('apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}-creds`, 'type: Opaque', 'stringData:', `  password: ${token(rand, 18)}`, `  api-url: https://svc-${n}.internal.example.com`);
    } else if (kind === 2) {
      out.push('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', `  name: ${name}-role`, 'rules:', '  - apiGroups: [""]', `    resources: [${n % 10 === 2 ? '"*"' : '"pods", "services"'}]`, '    verbs: ["get", "list", "watch"]');
    } else if (kind === 3) {
      out.push('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, '  labels:', `    app: ${name}`, 'spec:', '  selector:', `    app: ${name}`, '  ports:', '    - port: 80', '      targetPort: 8080');
    } else {
      out.push('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, '  labels:', `    app: ${name}`, 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:', `        - name: ${name}`, `          image: ${pick(rand, IMAGES)}`);
      out.push('          ports:', '            - containerPort: 8080', '          env:', '            - name: UPSTREAM', `              value: ${n % 3 === 0 ? 'http' : 'https'}://upstream-${n}.example.com`);
      out.push('            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:', `                  name: ${name}-creds`, '                  key: password');
      if (n % 4 === 0) out.push('          securityContext:', '            privileged: true', '            allowPrivilegeEscalation: true');
      out.push('          resources:', '            limits:', '              cpu: 500m', '              memory: 256Mi');
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

export const GENERATORS = [
  { name: 'workflow', path: '.github/workflows/ci.yml', make: workflow },
  { name: 'compose', path: 'compose.yaml', make: compose },
  { name: 'kubernetes', path: 'k8s/app.yaml', make: kubernetes },
];
