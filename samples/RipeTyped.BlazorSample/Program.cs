// RipeTyped in Blazor WebAssembly: typed calls generated from ../../tracking-plan.yaml, sent from the browser.
// Settings come from wwwroot/appsettings.json ("Ripe" section); by default the sample runs dry (calls logged to the
// browser console, nothing sent). See docs/blazor.md.
using Acme.Analytics;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RipeTyped.Blazor;
using RipeTyped.BlazorSample;
using RipeTyped.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"))
    .AddFacade<AcmeAnalytics, IAcmeAnalytics>(client => new AcmeAnalytics(client))
    // The anonymous id lives in localStorage; <RipePageTracker /> in App.razor sends a page call per navigation,
    // named after the plan's pages.
    .AddBlazor(blazor => blazor.PageName = PageNames.ForUrl);

await builder.Build().RunAsync();
