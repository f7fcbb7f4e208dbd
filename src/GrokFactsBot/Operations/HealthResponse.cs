using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrokFactsBot.Operations;

/// <summary>A small JSON body for /healthz and /readyz, so an operator sees which check is failing and why.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var checks = report.Entries.Select(e =>
            (JsonNode)new JsonObject
            {
                ["name"] = e.Key,
                ["status"] = e.Value.Status.ToString(),
                ["description"] = e.Value.Description ?? e.Value.Exception?.Message,
            }
        );
        var body = new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = new JsonArray([.. checks]) };
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
