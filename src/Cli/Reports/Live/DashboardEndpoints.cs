using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GymCoach.Cli.Reports.Live;

/// <summary>Maps <c>GET /dashboard</c> and <c>GET /dashboard/data</c> next to the ingest API.</summary>
/// <remarks>
/// They need no API key: <c>gymcoach run</c> listens on 127.0.0.1 only, and they show counters, never stored data.
/// </remarks>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, PipelineSampler sampler)
    {
        endpoints.MapGet("/dashboard", () => Results.Content(DashboardPage.Live(), "text/html; charset=utf-8"));
        endpoints.MapGet("/dashboard/data", () => Results.Content(DashboardPage.Json(sampler.Snapshot()), "application/json; charset=utf-8"));
    }
}
