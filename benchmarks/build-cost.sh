#!/usr/bin/env bash
# What a plan costs every build of a consumer: full rebuilds of one consumer project with the synthetic N-event plan
# and of the same project without a plan, alternating, after a warm-up of each; prints the medians, their ratio and the
# generated C# characters per event. Twice: with the compiler as this environment configures it (UseSharedCompilation;
# CI machines often turn the compiler server off, so every build starts a cold csc), and with the compiler server
# (VBCSCompiler, warm across builds: a developer's machine and the IDE).
#   bash benchmarks/build-cost.sh [events=1000] [runs=5]
#   PLAN=path/to/tracking-plan.yaml bash benchmarks/build-cost.sh - [runs=5]   (a real plan instead of the synthetic one)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000}
runs=${2:-5}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/RipeTyped/RipeTyped.csproj > /dev/null
dotnet build -c Release src/RipeTyped.Generator/RipeTyped.Generator.csproj > /dev/null
dotnet build -c Release benchmarks/RipeTyped.Benchmarks > /dev/null
if [ -n "${PLAN:-}" ]; then
  cp "$PLAN" "$work/tracking-plan.yaml"
  events=$(grep -cE '^  - name:' "$work/tracking-plan.yaml" || true) # top-level events and pages, for the per-event figure
else
  dotnet benchmarks/RipeTyped.Benchmarks/bin/Release/net10.0/RipeTyped.Benchmarks.dll plan "$events" > "$work/tracking-plan.yaml"
fi

make_consumer() { # name, with-plan (true|false)
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <Configuration>Release</Configuration>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/RipeTyped/RipeTyped.csproj" />
    <ProjectReference Include="$root/src/RipeTyped.Generator/RipeTyped.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <ItemGroup Condition="'$2' == 'true'">
    <AdditionalFiles Include="$work/tracking-plan.yaml" />
  </ItemGroup>
</Project>
XML
  echo 'System.Console.WriteLine("consumer");' > "$work/$1/Program.cs"
  dotnet restore "$work/$1" > /dev/null
}

make_consumer WithPlan true
make_consumer NoPlan false

build() { # project, shared compilation (true|false) → milliseconds of a full rebuild of that project only
  local start end
  start=$(date +%s%N)
  UseSharedCompilation=$2 dotnet build "$work/$1" -c Release --no-restore -p:BuildProjectReferences=false -p:UseSharedCompilation=$2 -t:Rebuild > "$work/$1.log" 2>&1 || { cat "$work/$1.log"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

measure() { # label, shared compilation → "with without" medians
  local with=() without=()
  build WithPlan "$2" > /dev/null # warm-up (and, with the server, its JIT)
  build NoPlan "$2" > /dev/null
  for i in $(seq "$runs"); do
    with+=("$(build WithPlan "$2")")
    without+=("$(build NoPlan "$2")")
    echo "$1, run $i: with plan ${with[-1]} ms, without ${without[-1]} ms" >&2
  done
  echo "$(printf '%s\n' "${with[@]}" | median) $(printf '%s\n' "${without[@]}" | median)"
}

configured=${UseSharedCompilation:-true}
read -r cold_with cold_without < <(measure "compiler as configured (UseSharedCompilation=$configured)" "$configured")
read -r warm_with warm_without < <(measure "compiler server" true)

# Generated size: the same build with the generated files written out.
dotnet build "$work/WithPlan" -c Release --no-restore -p:BuildProjectReferences=false -t:Rebuild -p:EmitCompilerGeneratedFiles=true > /dev/null
chars=$(find "$work/WithPlan/obj" -path '*generated*' -name '*.g.cs' -exec cat {} + | wc -c)
plan_chars=$(wc -c < "$work/tracking-plan.yaml")

echo
echo "events: $events, runs: $runs (medians of full rebuilds of the consumer project only)"
awk -v a="$cold_with" -v b="$cold_without" -v m="UseSharedCompilation=$configured" 'BEGIN { printf "%-36s with the plan %6d ms, without %6d ms, ratio %.2fx\n", m ":", a, b, a / b }'
awk -v a="$warm_with" -v b="$warm_without" 'BEGIN { printf "%-36s with the plan %6d ms, without %6d ms, ratio %.2fx\n", "compiler server (warm):", a, b, a / b }'
awk -v c="$chars" -v n="$events" -v p="$plan_chars" 'BEGIN { printf "generated C#:     %d characters, %.0f per event (%.1fx the plan'"'"'s %d)\n", c, c / n, c / p, p }'
