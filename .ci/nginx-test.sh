#!/usr/bin/env bash
# Deployment check: deploy/nginx.conf (TLS with a throwaway certificate, loopback ports) in front of two
# `rapport serve` instances on one PostgreSQL. Through nginx: the live stream (SSE) receives a signed Meta
# webhook posted through nginx and ones posted straight to each instance (so at least one crossed instances),
# events arrive while the stream stays open (no buffering), an oversized body gets Rapport's 413 JSON, plain
# HTTP redirects to HTTPS.
#
# Needs: RAPPORT_TEST_POSTGRES_URL (else .ci/start-postgres.sh starts one), nginx and openssl (installed from
# Debian when missing), the rapport binary (RAPPORT_BIN, else .build/debug/rapport, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nginx openssl curl >/dev/null
fi
NGINX=$(command -v nginx)

BIN="${RAPPORT_BIN:-$PWD/.build/debug/rapport}"
[ -x "$BIN" ] || swift build --product rapport
PG_URL="${RAPPORT_TEST_POSTGRES_URL:-$(bash .ci/start-postgres.sh)}"

work=$(mktemp -d)
# nginx's workers run as an unprivileged user and keep large request bodies under $work/body.
chmod 711 "$work"
pids=()
dbname="rapport_nginx_$$"
cleanup() {
  set +e
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "nginx-test: FAIL: $*" >&2
  for f in "$work"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done
  exit 1
}

# Four free loopback ports: instance A, instance B, nginx HTTP, nginx HTTPS.
read -r PORT_A PORT_B PORT_HTTP PORT_TLS < <(python3 - <<'EOF'
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()
EOF
)

# One fresh database for both instances.
psql -q "$PG_URL" -c "CREATE DATABASE $dbname" >/dev/null
DB_URL="${PG_URL%/*}/$dbname"
"$BIN" migrate --database "$DB_URL" >/dev/null

TOKEN="nginx-ci-token-$$"
SECRET="nginx-ci-meta-secret"
start_instance() {  # name port
  RAPPORT_API_TOKEN="$TOKEN" RAPPORT_META_APP_SECRET="$SECRET" RAPPORT_INSECURE_COOKIES=1 \
    "$BIN" serve --host 127.0.0.1 --port "$2" --database "$DB_URL" >"$work/rapport-$1.log" 2>&1 &
  pids+=($!)
}
start_instance a "$PORT_A"
start_instance b "$PORT_B"

# deploy/nginx.conf as shipped, with only the marked lines changed: loopback ports, the two instances, the
# throwaway certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1
awk -v a="$PORT_A" -v b="$PORT_B" -v http="$PORT_HTTP" -v tls="$PORT_TLS" -v dir="$work" '
  /# instance$/ { n++; sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" (n == 1 ? a : b)) }
  /# http$/ { sub(/listen 80;/, "listen 127.0.0.1:" http ";") }
  /# https$/ { sub(/listen 443 /, "listen 127.0.0.1:" tls " ") }
  /# http6$|# https6$/ { next }
  /# name$/ { sub(/server_name [^;]+;/, "server_name localhost;") }
  /# certificate$/ { sub(/ssl_certificate [^;]+;/, "ssl_certificate " dir "/cert.pem;") }
  /# key$/ { sub(/ssl_certificate_key [^;]+;/, "ssl_certificate_key " dir "/key.pem;") }
  { print }
' deploy/nginx.conf >"$work/rapport.conf"
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  include $work/rapport.conf;
}
EOF
"$NGINX" -t -q -c "$work/nginx.conf" -p "$work" 2>"$work/nginx-check.log" || fail "nginx rejects deploy/nginx.conf"
"$NGINX" -c "$work/nginx.conf" -p "$work" 2>>"$work/nginx-error.log"

NGINX_URL="https://localhost:$PORT_TLS"
curl_tls() { curl -sS --resolve "localhost:$PORT_TLS:127.0.0.1" --cacert "$work/cert.pem" "$@"; }

# Both instances answer through nginx (round robin) and directly.
for i in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$PORT_A/health" >/dev/null && curl -sf "http://127.0.0.1:$PORT_B/health" >/dev/null \
    && curl_tls -f "$NGINX_URL/health" >/dev/null 2>&1; then
    break
  fi
  [ "$i" = 240 ] && fail "instances or nginx did not become healthy"
  sleep 0.5
done
echo "nginx-test: two instances on $DB_URL (ports $PORT_A, $PORT_B) behind nginx (https $PORT_TLS, http $PORT_HTTP)"

# Plain HTTP is sent to HTTPS.
status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$PORT_HTTP/inbox" -H "Host: localhost")
[[ "$status" == "301 https://localhost/inbox" ]] || fail "http → https redirect: got '$status'"

# The live stream through nginx; it stays open for the whole check.
curl_tls -N --max-time 120 -H "Authorization: Bearer $TOKEN" "$NGINX_URL/api/v1/stream" >"$work/stream.txt" 2>"$work/stream.log" &
stream_pid=$!
pids+=("$stream_pid")
wait_for() {  # pattern what
  for _ in $(seq 1 240); do
    grep -q -- "$1" "$work/stream.txt" 2>/dev/null && return 0
    kill -0 "$stream_pid" 2>/dev/null || fail "the stream closed before $2"
    sleep 0.25
  done
  fail "$2 did not arrive on the stream through nginx"
}
wait_for ": connected" "the stream's greeting (buffered by nginx?)"

# A signed Meta webhook (a Messenger message to the brand's page: always kept).
webhook() {  # url text
  local body
  body=$(printf '{"object":"page","entry":[{"id":"104233445566778","time":1763626600123,"messaging":[{"sender":{"id":"65432109876%s"},"recipient":{"id":"104233445566778"},"timestamp":1763626600000,"message":{"mid":"m_%s","text":"%s"}}]}]}' "$RANDOM" "$2" "$2")
  local signature
  signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"
  curl -sS -o "$work/webhook.json" -w '%{http_code}' --resolve "localhost:$PORT_TLS:127.0.0.1" \
    --cacert "$work/cert.pem" -H "Content-Type: application/json" -H "X-Hub-Signature-256: $signature" \
    --data-binary "$body" "$1/webhooks/meta"
}
for target in "nginx $NGINX_URL" "a http://127.0.0.1:$PORT_A" "b http://127.0.0.1:$PORT_B"; do
  name=${target%% *}
  url=${target#* }
  text="nginx-ci-via-$name-$$"
  code=$(webhook "$url" "$text") || code="no answer"
  [ "$code" = 200 ] || fail "webhook through $name answered $code: $(cat "$work/webhook.json")"
  grep -q '"stored":1' "$work/webhook.json" || fail "webhook through $name stored nothing: $(cat "$work/webhook.json")"
  wait_for "$text" "the mention posted through $name"
  echo "nginx-test: webhook through $name → 200, stored, on the stream through nginx"
done

# Over Rapport's 5 MiB limit: refused by nginx in Rapport's JSON shape; just under it reaches Rapport.
head -c $((5 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'a' >"$work/big.txt"
code=$(curl_tls -o "$work/big.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  --data-binary @"$work/big.txt" "$NGINX_URL/api/v1/ingest/x")
[ "$code" = 413 ] && grep -q '"body_too_large"' "$work/big.json" || fail "oversized body: $code $(head -c 200 "$work/big.json")"
head -c $((5 * 1024 * 1024 - 1024)) /dev/zero | tr '\0' 'a' >"$work/big.txt"
code=$(curl_tls -o "$work/big.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  --data-binary @"$work/big.txt" "$NGINX_URL/api/v1/ingest/x")
# Not an X payload: Rapport itself reads it and answers 422 naming the problem.
[ "$code" = 422 ] && grep -q '"malformed_json"' "$work/big.json" ||
  fail "a body under the limit did not reach Rapport: $code $(head -c 200 "$work/big.json")"
echo "nginx-test: body limit: 5 MiB + 1 byte → 413 body_too_large (JSON); just under → 422 malformed_json from Rapport"

echo "nginx-test: OK"
