using System;
using PackageConsumer.Analytics;
using RipeTyped;

await using var client = new RipeClient(new RipeClientOptions { ApiKey = "unused", Endpoint = new Uri("http://127.0.0.1:9/") });
var analytics = new RipeAnalytics(client);
analytics.TrackSignedUp(new SignedUpProperties { Method = SignedUpProperties.MethodKind.Sso });
Console.WriteLine("generated API from the package: " + typeof(SignedUpProperties).FullName);
