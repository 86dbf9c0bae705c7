using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Spec;
using static RipeTyped.Generator.Emit.GeneratedCode;
using static RipeTyped.Generator.Naming.GeneratedAliases;

namespace RipeTyped.Generator.Emit
{
    /// <summary>
    /// Writes the facade class — one typed method per event and page, typed Identify and Group — and its interface
    /// (<c>I{ClassName}</c>, unless the plan turns it off) with the same signatures, for tests to substitute.
    /// </summary>
    internal sealed class FacadeEmitter
    {
        private const string PageContext = "global::RipeTyped.RipePageContext";
        private const string IdentityDoc = "/// <param name=\"identity\">Who it is about; null for the ambient identity (the app's last Identify and Group; in ASP.NET Core, the request's).</param>";

        // The generated namespace: the plan's types are written through its alias (GeneratedAliases.Namespace).
        private readonly string _ns;

        private FacadeEmitter(string ns) => _ns = ns;

        public static string Emit(GenerationSpec spec) => new FacadeEmitter(spec.Namespace).EmitFacade(spec);

        private string EmitFacade(GenerationSpec spec)
        {
            var w = Start(spec.Namespace, Helpers, Identity, GeneratedAliases.Namespace);
            if (spec.InterfaceName != null)
            {
                EmitInterface(w, spec);
            }

            w.Line("/// <summary>");
            w.Line("/// Typed Ripe analytics calls generated from tracking-plan.yaml: one method per event and page, typed identify and group traits.");
            w.Line("/// Every <c>Track…</c> and <c>Page…</c> method takes the event's or page's properties (when the plan lists any; optional when");
            w.Line("/// none is required), for pages the page context (path, referrer, search, title, URL), and an optional identity: null");
            w.Line("/// for the ambient identity (the app's last Identify and Group; in ASP.NET Core, the request's).");
            w.Line("/// </summary>");
            w.Line(Attribute);
            w.Open($"public sealed partial class {spec.ClassName}{(spec.InterfaceName is null ? "" : " : " + spec.InterfaceName)}");
            w.Line($"private readonly {RipeNs}.RipeClient _client;");
            w.Line();
            w.Summary("Creates the typed facade over a client; the client's lifetime stays with the caller.");
            w.Line("/// <param name=\"client\">The client that queues and delivers the calls.</param>");
            w.Open($"public {spec.ClassName}({RipeNs}.RipeClient client)");
            w.Line("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
            w.Close();
            w.Line();
            w.Summary("The underlying client (ambient identity, statistics, flushing).");
            w.Line($"public {RipeNs}.RipeClient {FacadeMembers.Client} => _client;");
            if (spec.PlanVersion is not null)
            {
                w.Line();
                w.Summary("The tracking plan's <c>planVersion</c> this code was generated from.");
                w.Line($"public const string {FacadeMembers.PlanVersion} = {Escaping.Literal(spec.PlanVersion)};");
            }

            if (spec.Source is not null)
            {
                w.Line();
                w.Summary("The source (service) this project is (<c>RipeTypedSource</c>): it has the calls of the plan that this source implements.");
                w.Line($"public const string {FacadeMembers.Source} = {Escaping.Literal(spec.Source)};");
            }

            EmitIdentify(w, spec.Identify);
            EmitGroup(w, spec.Group);
            foreach (var call in spec.Events)
            {
                EmitTrack(w, call);
                foreach (var variant in call.Variants)
                {
                    EmitTrack(w, variant);
                }
            }

            foreach (var call in spec.Pages)
            {
                EmitPage(w, call);
            }

            EmitNames(w, spec.EventNames, FacadeMembers.EventNames, "event");
            EmitNames(w, spec.PageNames, FacadeMembers.PageNames, "page");

            w.Line();
            w.Summary("Forgets the ambient user and group (at log-out) and starts a new anonymous id: the app's, or in ASP.NET Core the request's visitor's.");
            w.Line($"public {ResetSignature} => _client.Reset();");
            w.Line();
            w.Summary("Waits until every call made so far has been delivered (or given up on after retries).");
            w.Line("/// <param name=\"cancellationToken\">Stops the wait, not the delivery.</param>");
            w.Line("/// <returns>A task that completes when the queue has been drained up to this call.</returns>");
            w.Line($"public {FlushSignature} => _client.FlushAsync(cancellationToken);");
            w.Close();
            return w.Finish();
        }

        private const string ResetSignature = "void " + FacadeMembers.Reset + "()";

        private const string FlushSignature = "global::System.Threading.Tasks.Task " + FacadeMembers.FlushAsync + "(global::System.Threading.CancellationToken cancellationToken = default)";

        /// <summary>Every facade method's signature, for code to depend on (and tests to substitute): <c>I{ClassName}</c>.</summary>
        private void EmitInterface(CodeWriter w, GenerationSpec spec)
        {
            w.Summary($"The calls of <see cref=\"{spec.ClassName}\"/>, for code to depend on and tests to substitute (plan option <c>facadeInterface</c>).");
            w.Line(Attribute);
            w.Open($"public partial interface {spec.InterfaceName}");
            w.Line($"{IdentifySignature(spec.Identify, "string userId")};");
            w.Line($"{IdentifySignature(spec.Identify, Identity + " identity")};");
            w.Line($"{GroupSignature(spec.Group)};");
            foreach (var call in spec.Events)
            {
                Obsolete(w, call);
                w.Line($"{TrackSignature(call)};");
                foreach (var variant in call.Variants)
                {
                    Obsolete(w, variant);
                    w.Line($"{TrackSignature(variant)};");
                }
            }

            foreach (var call in spec.Pages)
            {
                Obsolete(w, call);
                w.Line($"{PageSignature(call)};");
            }

            w.Line($"{ResetSignature};");
            w.Line($"{FlushSignature};");
            w.Close();
            w.Line();
        }

        private string IdentifySignature(CallSpec call, string who) => $"void {FacadeMembers.Identify}({who}{PayloadParameter(call, "traits")})";

        private string GroupSignature(CallSpec call) => $"void {FacadeMembers.Group}(string groupId{PayloadParameter(call, "traits")}, {Identity}? identity = null)";

        private string TrackSignature(CallSpec call)
        {
            string properties = PayloadParameter(call, "properties");
            return $"void {call.MethodName}({Trim(properties)}{Comma(properties)}{Identity}? identity = null)";
        }

        private string PageSignature(CallSpec call)
        {
            string properties = PayloadParameter(call, "properties");
            return $"void {call.MethodName}({Trim(properties)}{Comma(properties)}{PageContext}? page = null, {Identity}? identity = null)";
        }

        private void EmitIdentify(CodeWriter w, CallSpec call)
        {
            string traitsArg = call.PayloadType is null ? "" : ", traits";
            w.Line();
            w.Summary(call.Description, "Identifies the current user and makes <paramref name=\"userId\"/> the ambient user id of later calls.");
            w.Line("/// <param name=\"userId\">The user's id in your database.</param>");
            DocPayload(w, call, "traits", "The user's traits.");
            w.Open($"public {IdentifySignature(call, "string userId")}");
            NullCheck(w, call, "traits");
            w.Line($"_client.Identify(userId{traitsArg});");
            w.Close();
            w.Line();
            w.Summary("Identifies the user of <paramref name=\"identity\"/> without changing the ambient identity (for servers acting for many users).");
            w.Line("/// <param name=\"identity\">The user to identify.</param>");
            DocPayload(w, call, "traits", "The user's traits.");
            w.Open($"public {IdentifySignature(call, Identity + " identity")}");
            NullCheck(w, call, "traits");
            w.Line($"_client.Identify(identity{traitsArg});");
            w.Close();
        }

        private void EmitGroup(CodeWriter w, CallSpec call)
        {
            w.Line();
            w.Summary(call.Description, "Associates the user with a group (company, workspace or account); with the ambient identity the group becomes the ambient group id.");
            w.Line("/// <param name=\"groupId\">The group's id, preferably from your database.</param>");
            DocPayload(w, call, "traits", "The group's traits.");
            w.Line(IdentityDoc);
            string traitsArg = call.PayloadType is null ? "null" : "traits";
            w.Open($"public {GroupSignature(call)}");
            NullCheck(w, call, "traits");
            w.Line($"_client.Group(groupId, {traitsArg}, identity);");
            w.Close();
        }

        // One method per event and page: a one-line summary (the plan's description, else what it sends) and one line of
        // body. The parameters are the same on every method and documented once, on the class.
        private void EmitTrack(CodeWriter w, CallSpec call)
        {
            if (!w.TrySummary(call.Description))
            {
                w.Summary(call.Variant is null
                    ? $"Tracks the <c>{Escaping.XmlText(call.WireName)}</c> event."
                    : $"Tracks the <c>{Escaping.XmlText(call.WireName)}</c> event as its <c>{Escaping.XmlText(call.Variant)}</c> variant.");
            }

            Obsolete(w, call);
            // Required properties are checked for null by the helper: one short call, no generic inference, per event.
            w.Line(call.PayloadType is not null && call.PayloadRequired
                ? $"public {TrackSignature(call)} => {Helpers}.Track(_client, {Escaping.Literal(call.WireName)}, properties, identity);"
                : $"public {TrackSignature(call)} => _client.Track({Escaping.Literal(call.WireName)}, {PayloadArgument(call, "properties")}, identity);");
        }

        private void EmitPage(CodeWriter w, CallSpec call)
        {
            if (!w.TrySummary(call.Description))
            {
                w.Summary($"Records a view of the <c>{Escaping.XmlText(call.WireName)}</c> page.");
            }

            Obsolete(w, call);
            w.Line(call.PayloadType is not null && call.PayloadRequired
                ? $"public {PageSignature(call)} => {Helpers}.Page(_client, {Escaping.Literal(call.WireName)}, properties, page, identity);"
                : $"public {PageSignature(call)} => _client.Page({Escaping.Literal(call.WireName)}, {PayloadArgument(call, "properties")}, page, identity);");
        }

        /// <summary>
        /// The payload argument of a call whose payload is not required: the parameter, or null without a payload; a
        /// variant's payload, which sends fixed values, is never null (a new one when the caller passes none).
        /// </summary>
        private string PayloadArgument(CallSpec call, string name) => call.PayloadType is null ? "null" : call.PayloadMode switch
        {
            PayloadMode.ParameterOrNew => $"{name} ?? new {LocalType(call)}()",
            PayloadMode.New => $"new {LocalType(call)}()",
            _ => name,
        };

        /// <summary>", T name" or ", T? name = null" (when nothing in it is required), or "" without a payload (or one the method makes).</summary>
        private string PayloadParameter(CallSpec call, string name) =>
            call.PayloadType is null || call.PayloadMode == PayloadMode.New ? "" : call.PayloadRequired ? $", {LocalType(call)} {name}" : $", {LocalType(call)}? {name} = null";

        /// <summary>
        /// <c>EventNames</c>/<c>PageNames</c>: a constant per call of the whole plan (every source's) and one array of them
        /// with their sources, so apps log, filter and test without strings. Consts and one array: no reflection, little to compile.
        /// </summary>
        private static void EmitNames(CodeWriter w, EquatableArray<CallName> names, string className, string what)
        {
            if (names.IsEmpty)
            {
                return;
            }

            w.Line();
            w.Summary($"The names of the tracking plan's {what}s as sent to Ripe, every source's, to log, filter or test against without strings.");
            w.Open($"public static class {className}");
            // Each distinct list of sources once (every source: empty), in order of first use: most plans have a handful.
            var sourceLists = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var name in names)
            {
                // Described constants only: the value says what an undocumented one is (docs are compile time too).
                w.SummaryIfAny(name.Description);
                w.Line($"public const string {name.ConstName} = {Escaping.Literal(name.WireName)};");
                string list = string.Join(", ", name.Sources.Select(Escaping.Literal));
                if (!sourceLists.ContainsKey(list))
                {
                    sourceLists.Add(list, GeneratedNames.SourcesField(sourceLists.Count));
                }
            }

            foreach (var pair in sourceLists)
            {
                w.Line($"private static readonly string[] {pair.Value} = {{ {pair.Key} }};");
            }

            w.Line();
            w.Summary($"Every {what} of the plan in plan order, with the sources that implement it (empty: every source).");
            // Two flat arrays joined at run time, not an array of tuples: a tuple literal per call cost the compiler about
            // as much as the facade's methods together (measured with a 1,000-event plan).
            var lists = names.Select(name => sourceLists[string.Join(", ", name.Sources.Select(Escaping.Literal))]).ToList();
            string sources = lists.Distinct().Count() == 1 ? lists[0] : string.Join(", ", lists);
            w.Line($"public static readonly {NameList} {FacadeMembers.AllNames} = {Helpers}.CallNames(new string[]");
            w.Line("{");
            foreach (var name in names)
            {
                w.Line($"    {name.ConstName},");
            }

            w.Line($"}}, new string[][] {{ {sources} }});");
            w.Close();
        }

        private const string NameList = "global::System.Collections.Generic.IReadOnlyList<(string Name, global::System.Collections.Generic.IReadOnlyList<string> Sources)>";

        private string LocalType(CallSpec call) => Local(call.PayloadType!, _ns);

        private static string Trim(string parameter) => parameter.StartsWith(", ", System.StringComparison.Ordinal) ? parameter.Substring(2) : parameter;

        private static string Comma(string parameter) => parameter.Length > 0 ? ", " : "";

        private static void DocPayload(CodeWriter w, CallSpec call, string name, string text)
        {
            if (call.PayloadType != null)
            {
                w.Line($"/// <param name=\"{name}\">{text}</param>");
            }
        }

        private static void NullCheck(CodeWriter w, CallSpec call, string name)
        {
            if (call.PayloadType != null && call.PayloadRequired)
            {
                w.Open($"if ({name} is null)");
                w.Line($"throw new global::System.ArgumentNullException(nameof({name}));");
                w.Close();
                w.Line();
            }
        }

        private static void Obsolete(CodeWriter w, CallSpec call)
        {
            if (call.ObsoleteMessage != null)
            {
                w.Line($"[global::System.Obsolete({Escaping.Literal(call.ObsoleteMessage)})]");
            }
        }
    }
}
