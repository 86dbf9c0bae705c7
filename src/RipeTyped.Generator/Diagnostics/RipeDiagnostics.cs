using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RipeTyped.Generator.Diagnostics
{
    /// <summary>Every diagnostic RipeTyped reports. IDs: RIPE0xxx plan/generation errors, RIPE1xxx plan naming and hygiene, RIPE2xxx C# usage.</summary>
    internal static class RipeDiagnostics
    {
        private const string HelpBase = "https://github.com/ripetyped/ripetyped/blob/main/docs/diagnostics/";
        private const string Plan = "RipeTyped.Plan";
        private const string Naming = "RipeTyped.Naming";
        private const string Usage = "RipeTyped.Usage";
        private const string Build = "RipeTyped.Build";

        // ---- RIPE0xxx: the plan cannot be read, or code for part of it cannot be generated correctly ----
        public static readonly DiagnosticDescriptor YamlSyntax = Error("RIPE0001", "Tracking plan is not valid YAML",
            "This tracking plan file is not valid YAML: {0}");

        public static readonly DiagnosticDescriptor UnknownKey = Error("RIPE0002", "Unknown key in tracking plan",
            "Unknown key '{0}' in {1}; expected one of: {2}");

        public static readonly DiagnosticDescriptor WrongNodeKind = Error("RIPE0003", "Tracking plan value has the wrong shape",
            "'{0}' must be {1}");

        public static readonly DiagnosticDescriptor UnknownType = Error("RIPE0004", "Unknown property type",
            "Unknown type '{0}' for '{1}'; expected one of: string, integer, number, boolean, date-time, enum, array, object, any");

        public static readonly DiagnosticDescriptor MissingKey = Error("RIPE0005", "Required key missing in tracking plan",
            "{0} needs {1}");

        public static readonly DiagnosticDescriptor UnknownDefinition = Error("RIPE0006", "Unknown shared definition",
            "'{0}' refers to definition '{1}', which is not under 'definitions'");

        public static readonly DiagnosticDescriptor Duplicate = Error("RIPE0007", "Duplicate name in tracking plan",
            "{0} '{1}' is defined more than once (first at line {2}); the duplicate is skipped");

        public static readonly DiagnosticDescriptor InvalidConstraint = Error("RIPE0009", "Invalid property constraint",
            "Constraint '{0}' on '{1}' is invalid: {2}");

        public static readonly DiagnosticDescriptor EmptyName = Error("RIPE0010", "Empty name",
            "{0} has an empty name; no code is generated for it");

        public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error("RIPE0012", "C# 11 or later required",
            "RipeTyped generates 'required' members, which need C# 11 or later; this project uses C# {0}. Set <LangVersion>11</LangVersion> (or later) in the project file.");

        public static readonly DiagnosticDescriptor UnsupportedVersion = Error("RIPE0013", "Unsupported tracking plan version",
            "Tracking plan version '{0}' is not supported; this RipeTyped reads version 1");

        public static readonly DiagnosticDescriptor InvalidOption = Error("RIPE0014", "Invalid plan option",
            "Option '{0}' is invalid: {1}");

        public static readonly DiagnosticDescriptor CircularDefinition = Error("RIPE0015", "Circular shared definition",
            "Definition '{0}' refers to itself through '$ref'");

        public static readonly DiagnosticDescriptor PlanTooLarge = Error("RIPE0016", "Tracking plan too large",
            "The tracking plan is {0} MB; RipeTyped reads plans of up to {1} MB. Split it into several projects' plans, or move long texts out of it.");

        public static readonly DiagnosticDescriptor ConflictAcrossFiles = Error("RIPE0017", "Plan files disagree",
            "{0} '{1}' is also defined in {2} (line {3}); a plan split across files defines it once");

        public static readonly DiagnosticDescriptor UnknownSource = Error("RIPE0018", "Unknown source",
            "'{0}' names the source '{1}', which is not under the plan's 'sources' ({2})");

        public static readonly DiagnosticDescriptor InvalidPlanVersion = Error("RIPE0019", "Invalid plan version",
            "planVersion '{0}' is not a semantic version: write major.minor.patch, e.g. 1.4.0");

        public static readonly DiagnosticDescriptor UnknownProjectSource = Error("RIPE0020", "Project source not in the plan",
            "This project's RipeTypedSource is '{0}', which is not under the plan's 'sources' ({1}); it gets only the calls that name no source");

        public static readonly DiagnosticDescriptor InvalidEncoding = Error("RIPE0021", "Tracking plan is not valid UTF-8",
            "This tracking plan file is not valid {0} from here on; save it as UTF-8 (nothing in it is read until then)");

        public static readonly DiagnosticDescriptor EmptyPlan = Error("RIPE0022", "Tracking plan file is empty",
            "This tracking plan file is empty{0}; write the plan in it (at least 'version: 1'), or remove the file");

        public static readonly DiagnosticDescriptor InvalidVariant = Error("RIPE0023", "Invalid event variant",
            "Variant '{0}' of event '{1}': {2}");

        public static readonly DiagnosticDescriptor InternalError = Error("RIPE0099", "RipeTyped failed on this tracking plan",
            "RipeTyped could not process the tracking plan ({0}); no code was generated. Please report this with the plan.");

        // ---- RIPE1xxx: naming and hygiene of the plan (analyzer, configurable in a .globalconfig: they are on YAML lines) ----
        public static readonly DiagnosticDescriptor NonFlattenedEvent = Warning("RIPE1001", Naming, "Event is not flattened",
            "Event '{0}' is not flattened: {1}. Ripe recommends one event per action, e.g. {2}.");

        public static readonly DiagnosticDescriptor EventNameConvention = Warning("RIPE1002", Naming, "Event name breaks the naming convention",
            "Event '{0}' breaks the plan's event naming convention ({1}): {2}");

        public static readonly DiagnosticDescriptor PropertyNameConvention = Warning("RIPE1003", Naming, "Property name breaks the naming convention",
            "Property '{0}' breaks the plan's property naming convention ({1}); expected '{2}'");

        public static readonly DiagnosticDescriptor NearDuplicateName = Warning("RIPE1004", Naming, "Names differ only by case or spacing",
            "{0} '{1}' differs from '{2}' (line {3}) only by case, spacing or punctuation; Ripe would show two different {4}");

        public static readonly DiagnosticDescriptor NameTooLong = Warning("RIPE1005", Naming, "Name is too long",
            "{0} '{1}' is {2} characters long; keep names at most {3} characters");

        public static readonly DiagnosticDescriptor ReservedPropertyName = Warning("RIPE1006", Naming, "Property name is reserved by Ripe",
            "Property '{0}' uses a name Ripe reserves for the message itself ('{1}'); rename it");

        public static readonly DiagnosticDescriptor MissingDescription = Info("RIPE1007", Plan, "Event has no description",
            "Event '{0}' has no description; say when it fires so that reviewers and the generated XML docs can tell");

        public static readonly DiagnosticDescriptor UnusedDefinition = Warning("RIPE1009", Plan, "Shared definition is never used",
            "Definition '{0}' is not used by any property; remove it or refer to it with $ref");

        public static readonly DiagnosticDescriptor NameCollision = Warning("RIPE1010", Naming, "Names collide after flattening to C# identifiers",
            "{0} '{1}' would be the C# name '{2}', which '{3}' (line {4}) has; it is generated as '{5}'. Set 'csharpName' to choose the C# name.");

        public static readonly DiagnosticDescriptor LargePlanInApp = Info("RIPE1012", Build, "Large plan compiled with the app's own code",
            "The plan generates {0} typed calls, compiled again on every build of this project whatever changed; a plan this size builds once in a class library of its own that the app references ('ripe-typed init --library')");

        public static readonly DiagnosticDescriptor InvalidCSharpName = Warning("RIPE1011", Naming, "csharpName is not a usable C# name",
            "csharpName '{0}' of '{1}' is not a valid C# identifier{2}; the name is derived from '{1}' instead");

        // ---- RIPE2xxx: C# code calling the sender ----
        public static readonly DiagnosticDescriptor EventNotInPlan = Warning("RIPE2001", Usage, "Tracked event is not in the tracking plan",
            "Event '{0}' is not in the tracking plan ({1}); add it to the plan (and use the generated method) or fix the name{2}");

        public static readonly DiagnosticDescriptor RawNonFlattenedEvent = Warning("RIPE2002", Usage, "Tracked event is not flattened",
            "Event '{0}' is not flattened: {1}. Ripe recommends one event per action, e.g. {2}.");

        public static readonly DiagnosticDescriptor UseTypedMethod = Info("RIPE2003", Usage, "Use the typed tracking method",
            "Event '{0}' is in the tracking plan; call '{1}' instead of the string-typed Track");

        public static readonly DiagnosticDescriptor EventNeverTracked = new DiagnosticDescriptor("RIPE2004", "Plan event is never tracked",
            "Event '{0}' is in the tracking plan but no code in this project tracks it", Usage, DiagnosticSeverity.Info,
            isEnabledByDefault: false, helpLinkUri: HelpBase + "RIPE2004.md", description: "Opt-in: enable it with dotnet_diagnostic.RIPE2004.severity = suggestion in a .globalconfig. It is reported on the plan's line, not in a C# file, so a [*.cs] section of .editorconfig does not reach it.", customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor EventOfAnotherSource = new DiagnosticDescriptor("RIPE2005", "Event belongs to another source",
            "The {0} '{1}' is implemented by {2}; this project is the source '{3}' (RipeTypedSource), so '{4}' is not generated here", Usage, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpBase + "RIPE2005.md");

        private static readonly Dictionary<string, DiagnosticDescriptor> All = typeof(RipeDiagnostics)
            .GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null))
            .ToDictionary(d => d.Id);

        public static DiagnosticDescriptor ById(string id) => All[id];

        public static ImmutableArray<DiagnosticDescriptor> Where(System.Func<DiagnosticDescriptor, bool> predicate) =>
            All.Values.Where(predicate).OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Plan, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        private static DiagnosticDescriptor Info(string id, string category, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
    }
}
