using System.Collections.Frozen;
using System.Text.Json;

namespace Telematics.Dashboard.Localization;

/// <summary>
/// Every UI text in Vietnamese and English, from the embedded <c>Texts/*.json</c> files (one per
/// feature: <c>{ "key": { "vi": "...", "en": "..." } }</c>). A key defined twice, or missing a
/// language, stops the start: a half-translated screen is a bug.
/// </summary>
public sealed class Texts
{
    public static readonly IReadOnlyList<string> Languages = ["vi", "en"];

    private readonly FrozenDictionary<string, (string Vi, string En)> _texts;

    public Texts()
    {
        var texts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var assembly = typeof(Texts).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("texts/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var document = JsonDocument.Parse(stream);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var vi = entry.Value.TryGetProperty("vi", out var v) ? v.GetString() : null;
                var en = entry.Value.TryGetProperty("en", out var e) ? e.GetString() : null;
                if (string.IsNullOrEmpty(vi) || string.IsNullOrEmpty(en))
                {
                    throw new InvalidOperationException($"UI text '{entry.Name}' in {resource} lacks its vi or en text");
                }

                if (!texts.TryAdd(entry.Name, (vi, en)))
                {
                    throw new InvalidOperationException($"UI text '{entry.Name}' is defined twice ({resource})");
                }
            }
        }

        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Keys => _texts.Keys;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>; the key itself (visible, so it gets fixed) when unknown.</summary>
    public string Get(string key, string language) =>
        _texts.TryGetValue(key, out var text) ? (language == "en" ? text.En : text.Vi) : key;

    /// <summary>Every text of one language, for the browser scripts.</summary>
    public IReadOnlyDictionary<string, string> All(string language) =>
        _texts.ToDictionary(p => p.Key, p => language == "en" ? p.Value.En : p.Value.Vi, StringComparer.Ordinal);
}
