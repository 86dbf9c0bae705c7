#!/usr/bin/env bash
# The floor under build-cost.sh: what the compiler pays for the synthetic N-event plan's types whatever the emission,
# and what a consumer pays when the plan lives in a project it references. Builds, as ordinary sources (no generator):
#   generated          the generated code, written out
#   no-bodies          the same with every WriteTo/Validate body emptied
#   reads-only         the same with each property read once in WriteTo (`_ = Member;`): the floor of any emission
#                      that keeps the facade and writes each property with a statement of its own
#   types-only         the properties types alone (no facade, no wire values, empty bodies): a typed member per property
#   types-only-fields  the same with public fields instead of auto-properties
#   types-stj          types-only plus a System.Text.Json source-generated JsonSerializerContext over every top-level
#                      class: the peer a user would compare with (STJ also generates reading); RipeTyped stays at or below it
# and a consumer that references a class library holding the plan (the library built once; the consumer rebuilt, as
# after an edit of the app's own code). Full rebuilds of the consumer project only, alternating, after a warm-up of
# each; medians and the ratio to the same consumer without a plan, with the compiler as the environment configures it.
#   bash benchmarks/build-floor.sh [events=1000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000}
runs=${2:-3}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
variants="generated no-bodies reads-only types-only types-only-fields types-stj"

dotnet build -c Release src/RipeTyped/RipeTyped.csproj > /dev/null
dotnet build -c Release src/RipeTyped.Generator/RipeTyped.Generator.csproj > /dev/null
dotnet build -c Release benchmarks/RipeTyped.Benchmarks > /dev/null
bench=benchmarks/RipeTyped.Benchmarks/bin/Release/net10.0/RipeTyped.Benchmarks.dll
dotnet "$bench" plan "$events" > "$work/tracking-plan.yaml"
dotnet "$bench" code-variants "$events" "$work/sources" Floor.Analytics

project() { # name, output type, extra items
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>$2</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <Configuration>Release</Configuration>
    <RootNamespace>Floor</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/RipeTyped/RipeTyped.csproj" />
    $3
  </ItemGroup>
</Project>
XML
}

project NoPlan Exe ""
echo 'System.Console.WriteLine("consumer");' > "$work/NoPlan/Program.cs"
for v in $variants; do
  project "$v" Exe ""
  cp "$work/sources/$v"/*.cs "$work/$v/"
  echo 'System.Console.WriteLine("consumer");' > "$work/$v/Program.cs"
done

# The plan in its own library (with the generator); the app references it and tracks one event through it.
project PlanLibrary Library "<ProjectReference Include=\"$root/src/RipeTyped.Generator/RipeTyped.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" /><AdditionalFiles Include=\"$work/tracking-plan.yaml\" />"
project AppOfLibrary Exe "<ProjectReference Include=\"$work/PlanLibrary/PlanLibrary.csproj\" />"
cat > "$work/AppOfLibrary/Program.cs" <<'CS'
using var client = new RipeTyped.RipeClient(new RipeTyped.RipeClientOptions { ApiKey = "k", Endpoint = new System.Uri("http://127.0.0.1:9/") });
var analytics = new Floor.Analytics.BenchAnalytics(client);
analytics.TrackCompletedStep0(new() { SourcePage = "/", Skipped = false, Choice = Floor.Analytics.CompletedStep0Properties.ChoiceKind.Left });
System.Console.WriteLine("consumer");
CS
consumers="NoPlan $variants AppOfLibrary"
for p in $consumers PlanLibrary; do dotnet restore "$work/$p" > /dev/null; done
dotnet build "$work/PlanLibrary" -c Release --no-restore > /dev/null

build() { # project → milliseconds of a full rebuild of that project only
  local start end
  start=$(date +%s%N)
  dotnet build "$work/$1" -c Release --no-restore -p:BuildProjectReferences=false -t:Rebuild > "$work/$1.log" 2>&1 || { cat "$work/$1.log"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A times
for p in $consumers; do build "$p" > /dev/null; done # warm-up
for i in $(seq "$runs"); do
  for p in $consumers; do
    t=$(build "$p")
    times[$p]="${times[$p]:-} $t"
    echo "run $i: $p $t ms" >&2
  done
done

base=$(printf '%s\n' ${times[NoPlan]} | median)
echo
echo "events: $events, runs: $runs, UseSharedCompilation=${UseSharedCompilation:-true} (medians of full rebuilds of the consumer project only)"
for p in $consumers; do
  m=$(printf '%s\n' ${times[$p]} | median)
  chars=$(cat "$work/$p"/*.cs | wc -c)
  awk -v n="$p" -v m="$m" -v b="$base" -v c="$chars" 'BEGIN { printf "%-20s %7d ms  %5.2fx  %9d characters of C# in the project\n", n, m, m / b, c }'
done

# Issue 26's measure: what the generated code adds over no plan, against what its types alone add (the floor) and
# what the same types with System.Text.Json's generated context add (the peer).
m() { printf '%s\n' ${times[$1]} | median; }
awk -v g="$(m generated)" -v t="$(m types-only)" -v s="$(m types-stj)" -v r="$(m reads-only)" -v b="$base" 'BEGIN {
  printf "\nadded over no plan: generated %d ms, reads-only %d ms, types-only %d ms, types-stj %d ms\n", g - b, r - b, t - b, s - b
  printf "generated / types-only floor: %.2fx (target <= 1.3x); generated / types-stj: %.2fx (must stay <= 1)\n", (g - b) / (t - b), (g - b) / (s - b)
  printf "reads-only / types-only: %.2fx (what the facade and one read per property cost before any serialization)\n", (r - b) / (t - b)
}'
