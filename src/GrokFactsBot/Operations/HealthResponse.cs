using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrokFactsBot.Operations;

/// <summary>A small JSON body for /healthz and /readyz, so an operator sees which check is failing and why.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
