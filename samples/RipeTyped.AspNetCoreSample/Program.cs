// RipeTyped in ASP.NET Core: every call made while handling a request is that request's (user, visitor, page).
// Without Ripe:ApiKey (or RIPE_API_KEY) it starts a Ripe-compatible receiver on 127.0.0.1 and sends there;
// GET /ripe/received shows what arrived.
using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Acme.Analytics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RipeTyped;
using RipeTyped.AspNetCore;
using RipeTyped.Hosting;
using RipeTyped.Testing;

var builder = WebApplication.CreateBuilder(args);

// No key and no endpoint configured: a local receiver stands in for Ripe, so the sample sends real HTTP anyway.
string? apiKey = builder.Configuration["Ripe:ApiKey"] is { Length: > 0 } key ? key : Environment.GetEnvironmentVariable("RIPE_API_KEY");
RipeTestServer? receiver = null;
if (string.IsNullOrWhiteSpace(apiKey))
{
    receiver = RipeTestServer.Start("sample-api-key");
    builder.Configuration["Ripe:ApiKey"] = "sample-api-key";
    builder.Configuration["Ripe:Endpoint"] = receiver.Endpoint.ToString();
}
else
{
    builder.Configuration["Ripe:ApiKey"] = apiKey;
}

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"))
    .AddFacade<AcmeAnalytics, IAcmeAnalytics>(client => new AcmeAnalytics(client))
    .AddAspNetCore();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

// Log in: the cookie authenticates this visitor's next requests; Identify links the visitor's anonymous id to the user.
app.MapPost("/login/{user}", async (string user, HttpContext context, IAcmeAnalytics analytics) =>
{
    var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, user) }, CookieAuthenticationDefaults.AuthenticationScheme));
    await context.SignInAsync(principal);
    analytics.Identify(user, new UserTraits { Email = user + "@example.com", MarketingOptIn = null });
    analytics.TrackLoggedIn(new LoggedInProperties { Method = LoggedInProperties.MethodKind.Password });
    return Results.Ok(new { user });
});

// A tracked action: the user comes from the authentication cookie, not from any earlier Identify.
app.MapPost("/projects/{id}", (string id, IAcmeAnalytics analytics) =>
{
    analytics.TrackCreatedProject(new CreatedProjectProperties { ProjectId = id });
    return Results.Ok(new { project = id });
}).RequireAuthorization();

app.MapPost("/logout", async (HttpContext context, IAcmeAnalytics analytics) =>
{
    analytics.TrackLoggedOut();
    analytics.Reset(); // this request forgets its user, and the visitor starts over as a new anonymous id
    await context.SignOutAsync();
    return Results.Ok();
});

// A page: the page call is made after the endpoint answered, with the request's path, URL, query and referrer.
app.MapGet("/pricing", (HttpContext context) =>
{
    context.SetRipePageTitle("Pricing");
    return Results.Text("<h1>Pricing</h1>", "text/html");
}).WithMetadata(RipePage.Call<AcmeAnalytics>(analytics => analytics.PagePricing()));

app.MapGet("/ripe/received", () => receiver is null
    ? Results.Text("Sending to Ripe (Ripe:ApiKey is set); nothing is received here.\n")
    : Results.Text(string.Join("\n", receiver.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}")) + "\n"));

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(receiver is null
    ? $"Sending to {app.Configuration["Ripe:Endpoint"] ?? RipeClientOptions.DefaultEndpoint.ToString()}."
    : $"No Ripe:ApiKey: sending to a local Ripe-compatible receiver at {receiver.Endpoint}; GET /ripe/received shows what it got."));

await app.RunAsync();
if (receiver != null)
{
    await receiver.DisposeAsync();
}
