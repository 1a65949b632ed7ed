namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>Topic name and topic filter rules (3.1.1 §4.7, 5.0 §4.7–4.8).</summary>
public static class MqttTopic
{
    public const char Separator = '/';
    public const char SingleLevelWildcard = '+';
    public const char MultiLevelWildcard = '#';

    /// <summary>The prefix of a shared subscription's filter: <c>$share/{ShareName}/{filter}</c> (5.0 §4.8.2).</summary>
    public const string SharePrefix = "$share/";

    /// <summary>A valid filter: not empty, '#' only as the whole last level, '+' only as a whole level; shared filters checked on their inner filter.</summary>
    public static bool IsValidFilter(string filter)
    {
        if (filter.Length == 0 || filter.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            var rest = filter.AsSpan(SharePrefix.Length);
            var slash = rest.IndexOf(Separator);
            if (slash <= 0 || rest[..slash].IndexOfAny(SingleLevelWildcard, MultiLevelWildcard) >= 0)
            {
                return false;
            }

            return IsValidFilter(rest[(slash + 1)..].ToString());
        }

        var levels = filter.Split(Separator);
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains(MultiLevelWildcard, StringComparison.Ordinal) && (level.Length != 1 || i != levels.Length - 1))
            {
                return false;
            }

            if (level.Contains(SingleLevelWildcard, StringComparison.Ordinal) && level.Length != 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="topic"/> (a name, no wildcards) matches <paramref name="filter"/>.</summary>
    public static bool Matches(string filter, string topic)
    {
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            var slash = filter.IndexOf(Separator, SharePrefix.Length);
            filter = slash < 0 ? "" : filter[(slash + 1)..];
        }

        // Topics starting with '$' are not matched by filters starting with a wildcard (§4.7.2).
        if (topic.StartsWith('$') && filter.Length > 0 && filter[0] is SingleLevelWildcard or MultiLevelWildcard)
        {
            return false;
        }

        var f = filter.Split(Separator);
        var t = topic.Split(Separator);
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
