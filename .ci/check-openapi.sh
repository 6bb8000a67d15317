#!/usr/bin/env bash
# Validates docs/openapi.yaml with openapi-spec-validator (PyPI), installed into a virtualenv under .build.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/ci-venv
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'openapi-spec-validator>=0.7,<1'
fi
"$venv/bin/openapi-spec-validator" docs/openapi.yaml
