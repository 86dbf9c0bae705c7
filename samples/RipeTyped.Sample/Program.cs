// RipeTyped sample: typed calls generated from ../../tracking-plan.yaml, sent over real HTTP.
// Without RIPE_API_KEY it starts a Ripe-compatible receiver on 127.0.0.1 and shows what arrived there.
using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Acme.Analytics;
using RipeTyped;
using RipeTyped.Testing;

namespace RipeTyped.Sample;

internal static class Program
{
    private const string LocalApiKey = "sample-api-key";

    public static async Task<int> Main()
    {
        string? apiKey = Environment.GetEnvironmentVariable("RIPE_API_KEY");
        await using RipeTestServer? receiver = string.IsNullOrWhiteSpace(apiKey) ? RipeTestServer.Start(LocalApiKey) : null;
        var options = new RipeClientOptions
        {
            ApiKey = receiver is null ? apiKey! : LocalApiKey,
            Endpoint = receiver?.Endpoint ?? EndpointFromEnvironment(),
            OnMessageDelivered = report => Console.WriteLine($"  delivered {report.Call,-8} {report.MessageId} -> HTTP {report.StatusCode} {report.ResponseBody}"),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            OnMessageFailed = report => Console.Error.WriteLine($"  FAILED    {report.Call,-8} {report.MessageId} -> HTTP {report.StatusCode?.ToString() ?? "none"} {report.ResponseBody ?? report.Exception?.Message} after {report.Attempts} attempt(s)"),
        };

        Console.WriteLine(receiver is null
            ? $"Sending to {options.Endpoint} (RIPE_API_KEY is set)."
            : $"RIPE_API_KEY is not set: sending to a local Ripe-compatible receiver at {receiver.Endpoint}.");

        RipeClientStatistics statistics;
        await using (var client = new RipeClient(options))
        {
            var analytics = new AcmeAnalytics(client);
            SendSampleCalls(analytics);
            ShowValidation(analytics);
            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            {
                try
                {
                    await analytics.FlushAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Error.WriteLine("Ripe has not accepted everything after 20 s; giving up (undelivered messages are reported below).");
                }
            }

            statistics = client.Statistics;
        }

        if (receiver != null)
        {
            PrintReceived(receiver);
        }

        Console.WriteLine($"Enqueued {statistics.Enqueued}, delivered {statistics.Delivered}, failed {statistics.Failed}, retries {statistics.Retries}.");
        return statistics.Failed == 0 && statistics.Delivered == statistics.Enqueued ? 0 : 1;
    }

    // Takes the generated interface, so the sample's own tests (samples/RipeTyped.Sample.Tests) can run it against a recorder.
    internal static void SendSampleCalls(IAcmeAnalytics analytics)
    {
        // Identify sets the ambient user id; Group sets the ambient group id sent as context.groupId.
        analytics.Identify("user-42", new UserTraits
        {
            Email = "ada@example.com",
            Name = "Ada Lovelace",
            Plan = PlanTier.Pro,
            SignedUpAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
            MarketingOptIn = null,
        });

        analytics.Group("acme-1", new GroupTraits
        {
            Name = "Acme Corp",
            Plan = PlanTier.Enterprise,
            Seats = 25,
            Industry = GroupTraits.IndustryKind.Software,
            BillingAddress = new BillingAddress { Country = "DE", City = "Berlin", PostalCode = "10115" },
        });

        analytics.PagePricing(
            new PricingPageProperties { HighlightedPlan = PlanTier.Pro, BillingPeriod = PricingPageProperties.BillingPeriodKind.Yearly },
            new RipePageContext { Path = "/pricing", Title = "Pricing - Acme Cloud", Url = "https://acme.example/pricing?ref=ad", Search = "?ref=ad", Referrer = "https://www.google.com/" });

        analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 5 });
        analytics.TrackStartedTrial(new StartedTrialProperties { Plan = PlanTier.Pro, TrialDays = 14, EndsAt = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero) });
        analytics.TrackExportedReport(new ExportedReportProperties
        {
            Format = ExportedReportProperties.FormatKind.Csv,
            RowCount = 1200,
            Filters =
            [
                new ExportedReportProperties.FiltersItemObject { Field = "country", Operator = ExportedReportProperties.FiltersItemObject.OperatorKind.Equals, Value = "DE" },
            ],
        });

        // A server acting for another user passes the identity explicitly; the ambient identity is untouched.
        analytics.TrackInvitedTeammate(
            new InvitedTeammateProperties { Role = InvitedTeammateProperties.RoleKind.Admin, InviteCount = 2 },
            RipeIdentity.ForUser("user-7", groupId: "acme-1"));
    }

    private static void ShowValidation(AcmeAnalytics analytics)
    {
        try
        {
            // source_page must match "^/" in the plan: this call throws at the call site, nothing is queued.
            analytics.TrackClickedStartTrialButton(new ClickedStartTrialButtonProperties { SourcePage = "pricing" });
        }
        catch (RipeValidationException ex)
        {
            Console.WriteLine($"Rejected at the call (not sent): {ex.Message}");
        }
    }

    private static Uri EndpointFromEnvironment()
    {
        string? endpoint = Environment.GetEnvironmentVariable("RIPE_ENDPOINT");
        return string.IsNullOrWhiteSpace(endpoint) ? RipeClientOptions.DefaultEndpoint : new Uri(endpoint);
    }

    private static void PrintReceived(RipeTestServer receiver)
    {
        var indented = new JsonSerializerOptions { WriteIndented = true };
        Console.WriteLine();
        Console.WriteLine($"The local receiver got {receiver.Requests.Count} request(s):");
        foreach (var request in receiver.Requests)
        {
            Console.WriteLine();
            Console.WriteLine($"{request.Method} {request.Path}");
            Console.WriteLine($"Authorization: {(request.Headers.TryGetValue("Authorization", out var auth) ? Redact(auth) : "(missing)")}");
            Console.WriteLine($"Content-Type: {(request.Headers.TryGetValue("Content-Type", out var type) ? type : "(missing)")}");
            Console.WriteLine(JsonSerializer.Serialize(request.Json, indented));
        }

        Console.WriteLine();
    }

    private static string Redact(string authorization) =>
        authorization.StartsWith("Basic ", StringComparison.Ordinal) ? "Basic ***redacted***" : "***redacted***";
}
