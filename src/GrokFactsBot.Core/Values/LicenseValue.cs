namespace GrokFactsBot.Core.Values;

public enum LicenseClass
{
    OsiOpenSource,
    OpenWeightsRestricted,
    Proprietary,
    Unclassified,
}

/// <summary>A license: an SPDX id where one exists, otherwise the license's own name (and URL).</summary>
public sealed record LicenseValue(string Text, string? SpdxId, string Name, string? Url, LicenseClass Class)
    : FactValue(Text)
{
    public override string Display => SpdxId ?? Name;

    public string ClassDisplay =>
        Class switch
        {
            LicenseClass.OsiOpenSource => "OSI open source",
            LicenseClass.OpenWeightsRestricted => "open weights with restrictions",
            LicenseClass.Proprietary => "proprietary",
            _ => "unclassified",
        };

    public override bool AgreesWith(FactValue other) =>
        other is LicenseValue license
        && (
            SpdxId is not null && license.SpdxId is not null
                ? string.Equals(SpdxId, license.SpdxId, StringComparison.OrdinalIgnoreCase)
                : TextValue.Normalize(Name) == TextValue.Normalize(license.Name)
        );

    private static readonly (string Spdx, string Name, string[] Spellings)[] Osi =
    [
        (
            "Apache-2.0",
            "Apache License 2.0",
            ["apache 2.0", "apache-2.0", "apache2", "apache 2", "apache license 2.0", "apache license, version 2.0"]
        ),
        ("MIT", "MIT License", ["mit", "mit license"]),
        ("BSD-3-Clause", "BSD 3-Clause License", ["bsd-3-clause", "bsd 3-clause"]),
        ("GPL-3.0-only", "GNU GPL v3", ["gpl-3.0", "gplv3", "gpl 3.0"]),
        ("CC-BY-4.0", "Creative Commons Attribution 4.0", ["cc-by-4.0", "cc by 4.0"]),
    ];

    private static readonly Dictionary<string, LicenseClass> ClassNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["osi"] = LicenseClass.OsiOpenSource,
        ["open-source"] = LicenseClass.OsiOpenSource,
        ["open source"] = LicenseClass.OsiOpenSource,
        ["restricted"] = LicenseClass.OpenWeightsRestricted,
        ["open-weights"] = LicenseClass.OpenWeightsRestricted,
        ["open weights"] = LicenseClass.OpenWeightsRestricted,
        ["proprietary"] = LicenseClass.Proprietary,
        ["closed"] = LicenseClass.Proprietary,
    };

    /// <summary>"Apache-2.0", "apache 2.0", "MIT", or "Name | class | url" for a license with no SPDX id.</summary>
    public static bool TryParse(string text, out LicenseValue? value, out string? problem)
    {
        value = null;
        problem = null;
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        var name = parts[0];
        if (name.Length == 0)
        {
            problem = "a license needs a name or an SPDX id such as Apache-2.0";
            return false;
        }
        var known = Osi.FirstOrDefault(l =>
            l.Spdx.Equals(name, StringComparison.OrdinalIgnoreCase) || l.Spellings.Contains(name.ToLowerInvariant())
        );
        if (known.Spdx is not null)
        {
            value = new LicenseValue(
                text.Trim(),
                known.Spdx,
                known.Name,
                parts.Length > 2 ? parts[2] : null,
                LicenseClass.OsiOpenSource
            );
            return true;
        }
        var licenseClass = name.Equals("proprietary", StringComparison.OrdinalIgnoreCase)
            ? LicenseClass.Proprietary
            : LicenseClass.Unclassified;
        if (parts.Length > 1 && !ClassNames.TryGetValue(parts[1], out licenseClass))
        {
            problem = $"'{parts[1]}' is not a license class (use osi, restricted or proprietary)";
            return false;
        }
        var url = parts.Length > 2 ? parts[2] : null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problem = $"'{url}' is not a URL";
            return false;
        }
        value = new LicenseValue(text.Trim(), null, name, url, licenseClass);
        return true;
    }
}
