#!/usr/bin/env bash
# Recompiles TestToken.sol with the solc npm package (no native compiler) and writes the
# creation bytecode to TestToken.bin, or to the path given. CI compiles to a temporary
# file and compares it with the committed one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(realpath -m "${1:-$here/TestToken.bin}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund solc@0.8.26 > /dev/null
node -e '
const solc = require("solc");
const fs = require("fs");
const input = {language: "Solidity", sources: {"TestToken.sol": {content: fs.readFileSync(process.argv[1], "utf8")}},
  settings: {optimizer: {enabled: true, runs: 200}, outputSelection: {"*": {"*": ["evm.bytecode.object"]}}}};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
for (const e of out.errors || []) { if (e.severity === "error") { console.error(e.formattedMessage); process.exit(1); } }
process.stdout.write(out.contracts["TestToken.sol"].TestToken.evm.bytecode.object + "\n");
' "$here/TestToken.sol" > "$out"
