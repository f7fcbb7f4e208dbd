using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>Turns one YAML knowledge file into domain records, collecting every problem with its line.</summary>
internal static partial class KnowledgeFileReader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ParsedFile Read(
        string relativePath,
        string text,
        string hash,
        DateTimeOffset now,
        List<ImportProblem> problems
    )
    {
        var parsed = new ParsedFile(relativePath, hash, [], [], []);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(
                new ImportProblem(
                    relativePath,
                    (int)e.Start.Line,
                    $"not valid YAML: {e.InnerException?.Message ?? e.Message}"
                )
            );
            return parsed;
        }
        if (stream.Documents.Count == 0)
            return parsed;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(
                new ImportProblem(relativePath, 1, "the file must be a mapping with 'sources:' and/or 'models:'")
            );
            return parsed;
        }
        var top = new YamlFields(root, relativePath, problems, "the file");
        foreach (var node in top.Items("sources"))
            if (ReadSource(new YamlFields(node, relativePath, problems, "a source"), parsed.Origin) is { } source)
                parsed.Sources.Add(new Located<Source>(source, (int)node.Start.Line));
        foreach (var node in top.Items("models"))
            ReadModel(new YamlFields(node, relativePath, problems, "a model"), parsed, now);
        top.RejectUnknownFields();
        return parsed;
    }

    private static Source? ReadSource(YamlFields f, Origin origin)
    {
        var id = Id(f);
        var url = f.Required("url");
        var title = f.Required("title");
        var publisher = f.Required("publisher");
        var published = Date(f, "published");
        var retrievedText = f.Optional("retrieved");
        DateOnly? retrieved = null;
        if (retrievedText is not null)
        {
            if (DateValue.TryParse(retrievedText, out var day, out _) && day!.Precision == DatePrecision.Day)
                retrieved = day.Start;
            else
                f.Problem(f.Node("retrieved"), $"retrieved '{retrievedText}' must be a day such as 2026-08-25");
        }
        var kind = f.Enum<SourceKind>("kind", null);
        if (kind is null && f.Optional("kind") is null)
            f.Problem(null, "a source is missing 'kind' (primary, secondary, dataset or commentary)");
        var basis = Basis(f);
        var attribution = f.Optional("attribution");
        if (url is not null && !SourceRules.TryWebUrl(url, out _))
            f.Problem(f.Node("url"), $"url '{url}' must be an absolute http(s) URL");
        f.RejectUnknownFields();
        return
            id is null
            || url is null
            || title is null
            || publisher is null
            || kind is null
            || !SourceRules.TryWebUrl(url, out _)
            ? null
            : new Source(id, url, title, publisher, published, retrieved, kind.Value, origin, basis, attribution);
    }

    private static void ReadModel(YamlFields f, ParsedFile parsed, DateTimeOffset now)
    {
        var id = Id(f);
        var name = f.Required("name");
        var developer = f.Required("developer");
        var family = f.Optional("family") ?? "";
        // Status is derived from the dated claims; the hand-typed fields are still read so old files import.
        var status = f.Enum<ModelStatus>("status", ModelStatus.Announced);
        var asOf = Date(f, "status_as_of");
        var aliases = f.List("aliases");
        var summary = f.Optional("summary");
        var claimNodes = f.Items("claims").ToList();
        f.RejectUnknownFields();
        if (id is null || name is null || developer is null || status is null)
            return;
        parsed.Models.Add(
            new Located<Model>(
                new Model(
                    id,
                    name,
                    developer,
                    Names.Key(family),
                    status.Value,
                    asOf?.Start,
                    aliases,
                    summary,
                    parsed.Origin
                ),
                f.Line
            )
        );
        foreach (var node in claimNodes)
            if (
                ReadClaim(new YamlFields(node, parsed.RelativePath, f.ProblemsSink, "a claim"), id, parsed, now) is
                { } claim
            )
                parsed.Claims.Add(new Located<Claim>(claim, (int)node.Start.Line));
    }

    private static Claim? ReadClaim(YamlFields f, string modelId, ParsedFile parsed, DateTimeOffset now)
    {
        var attributeText = f.Required("attribute");
        ModelAttribute attribute = default;
        var attributeOk = attributeText is not null && ModelAttributes.TryParse(attributeText, out attribute);
        if (attributeText is not null && !attributeOk)
            f.Problem(f.Node("attribute"), $"unknown attribute '{attributeText}' (known: {ModelAttributes.KnownKeys})");
        var valueText = f.Required("value");
        FactValue? value = null;
        if (
            attributeOk
            && valueText is not null
            && !ValueParser.TryParse(attribute, valueText, out value, out var problem)
        )
            f.Problem(f.Node("value"), problem!);
        var basis = Basis(f);
        Qualifier? qualifier = Qualifier.Exact;
        // "qualifier: rumoured / planned" came before the basis field and still means that basis.
        if (Evidence.TryParse(f.Optional("qualifier"), out var legacy) && legacy is Domain.Basis.Rumour or Domain.Basis.Promise)
            basis ??= legacy;
        else
            qualifier = f.Enum<Qualifier>("qualifier", Qualifier.Exact);
        var sourceId = f.Required("source");
        var quote = f.Optional("quote");
        if (quote is not null && SourceRules.WordCount(quote) > SourceRules.MaxQuoteWords)
            f.Problem(
                f.Node("quote"),
                $"the quote has {SourceRules.WordCount(quote)} words; keep it to {SourceRules.MaxQuoteWords} or give a locator"
            );
        var rank = f.Enum<Rank>("rank", Rank.Normal);
        var reason = f.Optional("rank_reason");
        if (rank is Rank.Preferred or Rank.Deprecated && reason is null)
            f.Problem(f.Node("rank"), $"rank '{rank.ToString()!.ToLowerInvariant()}' needs a rank_reason");
        var note = f.Optional("note");
        f.RejectUnknownFields();
        if (value is null || qualifier is null || sourceId is null || rank is null)
            return null;
        return new Claim(
            ClaimIds.ForFile(modelId, attribute, sourceId, value.Text),
            modelId,
            attribute,
            value,
            qualifier.Value,
            sourceId,
            quote,
            rank.Value,
            reason,
            note,
            "knowledge/" + parsed.RelativePath,
            now,
            parsed.Origin,
            Basis: basis
        );
    }

    private static string? Id(YamlFields f)
    {
        var id = f.Required("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            f.Problem(f.Node("id"), $"id '{id}' may use only lowercase letters, digits, '.' and '-'");
            return null;
        }
        return id;
    }

    private static DateValue? Date(YamlFields f, string key)
    {
        var text = f.Optional(key);
        if (text is null)
            return null;
        if (DateValue.TryParse(text, out var date, out var problem))
            return date;
        f.Problem(f.Node(key), $"{key}: {problem}");
        return null;
    }

    private static Basis? Basis(YamlFields f)
    {
        var text = f.Optional("basis");
        if (text is null)
            return null;
        if (Evidence.TryParse(text, out var basis))
            return basis;
        f.Problem(f.Node("basis"), $"basis '{text}' is not one of {Evidence.KnownKeys}");
        return null;
    }
}
