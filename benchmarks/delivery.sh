#!/usr/bin/env bash
# Delivery throughput against the loopback receiver's own ceiling, then peak memory over 1,000,000 events.
#   bash benchmarks/delivery.sh
# 1. starts the Kestrel receiver in its own process; 2. measures its ceiling with wrk (8 connections, like the
# sender's 8 workers); 3. runs DeliveryBenchmarks (RipeClient vs one awaited PostAsJsonAsync per event) against it;
# 4. runs FlakyDeliveryBenchmarks against it (the receiver's /faults/... routes); 5. sends 1,000,000 events through
# RipeClient and prints peak memory.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v wrk > /dev/null; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk > /dev/null; else sudo apt-get install -y wrk > /dev/null; fi
fi

dotnet build -c Release RipeTyped.Benchmarks > /dev/null
bench="RipeTyped.Benchmarks/bin/Release/net10.0/RipeTyped.Benchmarks.dll"
port=5099
dotnet "$bench" receiver "$port" > /dev/null &
receiver=$!
trap 'kill "$receiver" 2> /dev/null || true' EXIT
sleep 3

echo "== receiver ceiling (wrk -t2 -c8 -d15s)"
wrk -t2 -c8 -d15s -s post.lua "http://127.0.0.1:$port/event/track"

export RIPE_BENCH_ENDPOINT="http://127.0.0.1:$port/event"
echo "== DeliveryBenchmarks"
(cd RipeTyped.Benchmarks && dotnet "bin/Release/net10.0/RipeTyped.Benchmarks.dll" --filter '*DeliveryBenchmarks*' --job short)

echo "== FlakyDeliveryBenchmarks (0/5/30% 500/503/reset, 5% 429 with Retry-After: 1; same receiver)"
(cd RipeTyped.Benchmarks && dotnet "bin/Release/net10.0/RipeTyped.Benchmarks.dll" --filter '*FlakyDeliveryBenchmarks*')

echo "== peak memory over 1,000,000 events"
dotnet "$bench" memory 1000000
